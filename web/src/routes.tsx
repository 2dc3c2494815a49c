import { Navigate, Route, Routes } from 'react-router-dom';
import { RequireAuth, RequirePerm } from './auth/guards';
import AppShell from './components/AppShell';
import { NotFoundResult } from './components/Results';
import LoginPage from './pages/LoginPage';
import ChangePasswordPage from './pages/ChangePasswordPage';
import HomePage from './pages/HomePage';
import UnitsPage from './pages/org/UnitsPage';
import PeoplePage from './pages/org/PeoplePage';
import LeadersPage from './pages/org/LeadersPage';
import ImportPage from './pages/org/ImportPage';
import AccountsPage from './pages/admin/AccountsPage';
import AuditPage from './pages/admin/AuditPage';
import LedgerPage from './pages/tasks/LedgerPage';
import TaskFormPage from './pages/tasks/TaskFormPage';
import TaskPage from './pages/tasks/TaskPage';
import TaskImportPage from './pages/tasks/TaskImportPage';
import LeaderOverviewPage from './pages/tasks/LeaderOverviewPage';
import WarningSettingsPage from './pages/warnings/WarningSettingsPage';
import MeetingNewPage from './pages/meetings/MeetingNewPage';
import MeetingsPage from './pages/meetings/MeetingsPage';
import MeetingPage from './pages/meetings/MeetingPage';
import UnitHintsPage from './pages/meetings/UnitHintsPage';
import DashboardPage from './pages/dashboard/DashboardPage';
import ScoresPage from './pages/scores/ScoresPage';
import WebhooksPage from './pages/webhooks/WebhooksPage';
import MujunResultsPage from './pages/mujun/ResultsPage';
import MujunEnterprisePage from './pages/mujun/EnterprisePage';
import MujunAppealsPage from './pages/mujun/AppealsPage';
import MujunComparePage from './pages/mujun/ComparePage';
import MujunDataPage from './pages/mujun/DataPage';
import MujunSchemesPage from './pages/mujun/SchemesPage';
import MujunPoliciesPage from './pages/mujun/PoliciesPage';
import ProjectLedgerPage from './pages/projects/ProjectLedgerPage';
import ProjectPage from './pages/projects/ProjectPage';
import PipelinePage from './pages/projects/PipelinePage';
import ProjectSettingsPage from './pages/projects/ProjectSettingsPage';
import CultivationPage from './pages/cultivation/CultivationPage';

export default function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route element={<RequireAuth />}>
        <Route element={<AppShell />}>
          <Route index element={<HomePage />} />
          <Route path="password" element={<ChangePasswordPage />} />
          <Route path="org" element={<Navigate to="/org/units" replace />} />
          <Route path="org/units" element={<RequirePerm perm="org.read"><UnitsPage /></RequirePerm>} />
          <Route path="org/people" element={<RequirePerm perm="people.read"><PeoplePage /></RequirePerm>} />
          <Route path="org/leaders" element={<RequirePerm perm="org.read"><LeadersPage /></RequirePerm>} />
          <Route path="org/import" element={<RequirePerm perm="org.write"><ImportPage /></RequirePerm>} />
          <Route path="admin/accounts" element={<RequirePerm perm="accounts.read"><AccountsPage /></RequirePerm>} />
          <Route path="audit" element={<RequirePerm perm="audit.read"><AuditPage /></RequirePerm>} />
          <Route path="tasks" element={<RequirePerm perm="tasks.read"><LedgerPage /></RequirePerm>} />
          <Route path="tasks/new" element={<RequirePerm perm="tasks.manage"><TaskFormPage key="new" /></RequirePerm>} />
          <Route path="tasks/import" element={<RequirePerm perm="tasks.manage"><TaskImportPage /></RequirePerm>} />
          <Route path="tasks/:id" element={<RequirePerm perm="tasks.read"><TaskPage /></RequirePerm>} />
          <Route path="tasks/:id/edit" element={<RequirePerm perm="tasks.manage"><TaskFormPage key="edit" /></RequirePerm>} />
          <Route path="leaders/overview" element={<RequirePerm perm="tasks.read"><LeaderOverviewPage /></RequirePerm>} />
          <Route path="leaders/:personId/overview" element={<RequirePerm perm="tasks.read"><LeaderOverviewPage /></RequirePerm>} />
          <Route path="warnings/settings" element={<RequirePerm perm="tasks.manage"><WarningSettingsPage /></RequirePerm>} />
          <Route path="meetings" element={<RequirePerm perm="tasks.read"><MeetingsPage /></RequirePerm>} />
          <Route path="meetings/new" element={<RequirePerm perm="tasks.manage"><MeetingNewPage /></RequirePerm>} />
          <Route path="meetings/hints" element={<RequirePerm perm="tasks.manage"><UnitHintsPage /></RequirePerm>} />
          <Route path="meetings/:id" element={<RequirePerm perm="tasks.read"><MeetingPage /></RequirePerm>} />
          <Route path="dashboard" element={<RequirePerm perm="tasks.read"><DashboardPage /></RequirePerm>} />
          <Route path="scores" element={<RequirePerm perm="tasks.read"><ScoresPage /></RequirePerm>} />
          <Route path="webhooks" element={<RequirePerm perm="tasks.read"><WebhooksPage /></RequirePerm>} />
          <Route path="mujun" element={<RequirePerm perm="mujun.read"><MujunResultsPage /></RequirePerm>} />
          <Route path="mujun/compare" element={<RequirePerm perm="mujun.read"><MujunComparePage /></RequirePerm>} />
          <Route path="mujun/appeals" element={<RequirePerm perm="mujun.read"><MujunAppealsPage /></RequirePerm>} />
          <Route path="mujun/data" element={<RequirePerm perm="mujun.manage"><MujunDataPage /></RequirePerm>} />
          <Route path="mujun/schemes" element={<RequirePerm perm="mujun.manage"><MujunSchemesPage /></RequirePerm>} />
          <Route path="mujun/policies" element={<RequirePerm perm="mujun.manage"><MujunPoliciesPage /></RequirePerm>} />
          <Route path="cultivation" element={<RequirePerm perm="mujun.read"><CultivationPage /></RequirePerm>} />
          <Route path="mujun/runs/:runId/enterprises/:uscc" element={<RequirePerm perm="mujun.read"><MujunEnterprisePage /></RequirePerm>} />
          <Route path="projects" element={<RequirePerm perm="projects.read"><ProjectLedgerPage /></RequirePerm>} />
          <Route path="projects/pipeline" element={<RequirePerm perm="projects.read"><PipelinePage /></RequirePerm>} />
          <Route path="projects/settings" element={<RequirePerm perm="projects.read"><ProjectSettingsPage /></RequirePerm>} />
          <Route path="projects/:id" element={<RequirePerm perm="projects.read"><ProjectPage /></RequirePerm>} />
          <Route path="*" element={<NotFoundResult />} />
        </Route>
      </Route>
    </Routes>
  );
}
