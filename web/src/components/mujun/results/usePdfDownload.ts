// 体检报告 as PDF (one enterprise, or every enterprise of a town): a download that explains itself when the server cannot
// make it — no Chinese font (503) or too many enterprises for one file (422) come as a dialog with the server's words.
import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, download, type Query } from '../../../api/client';
import { errorText, notifyError } from '../../feedback';

export function usePdfDownload() {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  /** the key of the download under way (a town, an enterprise) */
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (key: string, path: string, query: Query | undefined, fallbackName: string) => {
    setBusy(key);
    try {
      await download(path, query, fallbackName);
    } catch (e) {
      if (e instanceof ApiError && (e.status === 503 || e.status === 422))
        modal.warning({ title: t('mujun.report.pdfFailed'), content: errorText(e) });
      else notifyError(e);
    } finally {
      setBusy(null);
    }
  };
  return { busy, run };
}

/** All the 体检报告 of one town in one PDF, one page each. */
export const townPdfPath = (runId: string) => `/mujun/runs/${runId}/reports.pdf`;
export const townPdfName = (town: string, year: number) => `亩均效益体检报告-${town}-${year}.pdf`;
