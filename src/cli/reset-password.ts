import type { Config } from '../config.js';
import { openDatabase } from '../db/client.js';
import { AppError } from '../domain/errors.js';
import { findAccountIdByUsername, resetPassword } from '../services/accounts/accounts.js';
import { systemActor, systemClock } from '../services/context.js';

/** For the operator who has lost every administrator password: audited as the CLI. */
export async function resetPasswordCommand(config: Config, username: string): Promise<void> {
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    const id = await findAccountIdByUsername(database.db, username);
    if (!id) throw new AppError(404, 'NOT_FOUND', `账号“${username}”不存在`);
    const ctx = { db: database.db, clock: systemClock, actor: systemActor('命令行 (CLI)'), ip: null };
    const { initialPassword } = await resetPassword(ctx, id);
    console.log(`账号 ${username} 的新密码（登录后须修改）: ${initialPassword}`);
  } finally {
    await database.close();
  }
}
