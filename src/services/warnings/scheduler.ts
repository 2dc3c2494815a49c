/**
 * The in-process scheduler: every few minutes each instance tries the daily jobs; the job_runs claim makes sure one
 * instance does each day's work once; each tick also sends the due webhook deliveries. No external cron is needed.
 */
import { hostname } from 'node:os';
import type { Db } from '../../db/client.js';
import type { Clock } from '../context.js';
import { deliverDue } from '../webhooks/deliveries.js';
import type { SendFn } from '../webhooks/send.js';
import { runDailyWarnings } from './daily-job.js';

export function startScheduler(db: Db, clock: Clock, everyMinutes: number, send?: SendFn): () => void {
  const instance = `${hostname()}:${process.pid}`;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const out = await runDailyWarnings(db, clock, instance, { send });
      if (out.ran)
        console.log(
          `每日预警 (daily warnings) ${out.runKey}: ${out.lightsChanged} lights changed, ${out.reminders} reminders, ${out.webhooks} webhook deliveries queued`,
        );
    } catch (err) {
      console.error('daily warnings failed:', err instanceof Error ? err.message : err);
    }
    // every tick: retries and postponed (quiet-hours) webhook deliveries; claims make this safe across instances
    try {
      const d = await deliverDue(db, clock, send);
      if (d.sent || d.failed) console.log(`webhooks: ${d.sent} sent, ${d.retrying} to retry, ${d.failed} failed`);
    } catch (err) {
      console.error('webhook delivery failed:', err instanceof Error ? err.message : err);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), everyMinutes * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
