import { runCli } from './run';

// Headless entry point: `npm run mdo -- <command>`. Uses the Node build of SQLite.
const code = await runCli(process.argv.slice(2), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
process.exitCode = code;
