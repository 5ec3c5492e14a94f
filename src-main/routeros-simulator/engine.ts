/** Command dispatch: path → menu verb or stand-alone command, policy check, traps. */
import { CommandRun, type CommandContext, type ReplySink, type SessionInfo } from './command';
import type { RouterCore } from './core';
import { NOT_ENOUGH_PERMISSIONS, RosTrap } from './spec';

export { NOT_ENOUGH_PERMISSIONS };
import { verbFor } from './verbs';

export interface CommandSpec {
  policy: 'read' | 'write' | 'test' | 'policy';
  run(ctx: CommandContext): void;
}


export class Engine {
  private readonly prefixes = new Set<string>();

  constructor(
    private readonly core: RouterCore,
    private readonly commands: ReadonlyMap<string, CommandSpec>,
  ) {
    for (const p of [...core.state.menuPaths(), ...commands.keys()]) {
      const parts = p.split('/');
      for (let i = 2; i <= parts.length; i++) this.prefixes.add(parts.slice(0, i).join('/'));
    }
  }

  /** Starts a command; it may finish synchronously or keep streaming until done/cancel. */
  execute(
    path: string,
    attrs: Record<string, string>,
    queries: readonly string[],
    tag: string | undefined,
    session: SessionInfo,
    sink: ReplySink,
    onFinish: (run: CommandRun) => void,
  ): CommandRun {
    const run = new CommandRun(this.core, path, attrs, queries, tag, session, sink, onFinish);
    try {
      const handler = this.resolve(path);
      if (!session.policies.has(handler.policy)) throw new RosTrap(NOT_ENOUGH_PERMISSIONS);
      handler.run(run);
    } catch (err) {
      if (run.finished) return run;
      if (err instanceof RosTrap) run.fail(err.message, err.category);
      else {
        console.error('[routeros-sim] command failed', path, err);
        run.fail(`failure: ${err instanceof Error ? err.message : String(err)}`, 4);
      }
    }
    return run;
  }

  resolve(path: string): CommandSpec {
    const direct = this.commands.get(path);
    if (direct) return direct;
    if (!path.startsWith('/')) throw new RosTrap('no such command prefix');
    const cut = path.lastIndexOf('/');
    const menuPath = path.slice(0, cut);
    const verb = path.slice(cut + 1);
    if (menuPath !== '' && this.core.state.hasMenu(menuPath)) {
      const table = this.core.state.table(menuPath);
      const spec = verbFor(table, verb);
      if (!spec) throw new RosTrap('no such command');
      return { policy: spec.policy, run: (ctx) => spec.run(ctx, table) };
    }
    if (menuPath === '' || this.prefixes.has(menuPath)) throw new RosTrap('no such command');
    throw new RosTrap('no such command prefix');
  }
}
