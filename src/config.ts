/** Configuration read from the environment, in one place (documented in the README). */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  demo: boolean;
  trustProxy: boolean;
  secureCookies: boolean;
  loginRateLimit: number;
  /** Run the scheduled jobs in this instance (every instance may: each day's run is claimed once). */
  jobs: boolean;
  jobIntervalMinutes: number;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const flag = (v: string | undefined, dflt: boolean) => (v === undefined || v === '' ? dflt : !/^(0|false|no|off)$/i.test(v));
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.DATA_DIR ?? './data',
    demo: flag(env.LUOSHI_DEMO, true),
    trustProxy: flag(env.TRUST_PROXY, false),
    secureCookies: flag(env.SECURE_COOKIES, false),
    loginRateLimit: Number(env.LOGIN_RATE_LIMIT ?? 20),
    jobs: flag(env.LUOSHI_JOBS, true),
    jobIntervalMinutes: Number(env.JOB_INTERVAL_MINUTES ?? 10),
  };
}
