#!/usr/bin/env node
/**
 * The `luoshi` command. Each command loads its own modules when it runs (dynamic `import()`), so a command that needs
 * neither the database nor the web server (evaluate, meeting) starts without loading them.
 */
import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { readConfig } from '../config.js';
import { AppError } from '../domain/errors.js';
import { registerEvaluateCommand } from './evaluate.js';
import { registerMeetingCommand } from './meeting.js';

const VERSION: string = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;

const program = new Command();
program.name('luoshi').description('落实 Luoshi — 督查督办与亩均评价平台').version(VERSION);

program
  .command('serve')
  .description('迁移数据库、首次启动时载入示范区数据，并启动服务 (migrate, load the demo on first start, serve)')
  .addOption(new Option('--no-demo', '不载入示范区数据，只创建三员账号 (no demo: create the three administrators only)'))
  .option('--district <name>', '区名（不载入示范数据时）(district name without the demo)')
  .action(async (opts: { demo: boolean; district?: string }) => {
    const { serve } = await import('./serve.js');
    await serve({ ...readConfig(), demo: opts.demo && readConfig().demo }, opts.district);
  });

program
  .command('migrate')
  .description('只应用数据库迁移 (apply migrations only)')
  .action(async () => {
    const { migrateCommand } = await import('./migrate.js');
    await migrateCommand(readConfig());
  });

program
  .command('reset-password')
  .description('应急：为账号生成新密码并强制下次登录修改 (break-glass password reset, audited)')
  .argument('<username>', '用户名 (username)')
  .action(async (username: string) => {
    const { resetPasswordCommand } = await import('./reset-password.js');
    await resetPasswordCommand(readConfig(), username);
  });

registerMeetingCommand(program);
registerEvaluateCommand(program);

program.parseAsync().catch((err: unknown) => {
  if (err instanceof AppError) {
    console.error(`错误 (${err.code})：${err.message}`);
    if (err.details) console.error(JSON.stringify(err.details, null, 2));
  } else console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
