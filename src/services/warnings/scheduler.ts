/**
 * The in-process scheduler: every few minutes each instance tries the daily jobs; the job_runs claim makes sure one
 * instance does each day's work once. No external cron is needed.
 */
import { hostname } from 'node:os';
import type { Db } from '../../db/client.js';
import type { Clock } from '../context.js';
import { runDailyWarnings } from './daily-job.js';

export function startScheduler(db: Db, clock: Clock, everyMinutes: number): () => void {
  const instance = `${hostname()}:${process.pid}`;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const out = await runDailyWarnings(db, clock, instance);
      if (out.ran)
        console.log(`每日预警 (daily warnings) ${out.runKey}: ${out.lightsChanged} lights changed, ${out.reminders} reminders`);
    } catch (err) {
      console.error('daily warnings failed:', err instanceof Error ? err.message : err);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), everyMinutes * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
