import { GRAPH_CALLS, HEADROOM_PERMISSIONS } from './graph-permissions';

/**
 * The permission table as Markdown, exactly as README.md and docs/permissions.md show it (a test
 * keeps them equal): one row per permission Headroom asks for.
 */
export function renderPermissionTable(): string {
  const rows = HEADROOM_PERMISSIONS.map((p) => `| \`${p.permission}\` | ${p.level} | ${p.neededFor} | ${p.effectWhenMissing} |`);
  return ['| Permission | Required? | What needs it | Without it |', '|---|---|---|---|', ...rows].join('\n');
}

/** One row per Graph call, with the permissions that allow it and Microsoft's page, for docs/permissions.md. */
export function renderCallTable(): string {
  const rows = GRAPH_CALLS.map((call) => {
    const allowed = call.allowedBy.map((set) => set.join(' + ')).join('; ');
    const needs = call.needs.map((p) => `\`${p}\``).join(' + ');
    return `| \`${call.method} ${call.path}\` | ${call.feature} | ${needs} | ${allowed} | [${pageName(call.docs)}](${call.docs})${call.assumption === undefined ? '' : ' (assumed, see below)'} |`;
  });
  return ['| Call | Used for | Headroom grants | Allowed by (least privileged first) | Microsoft\'s page |', '|---|---|---|---|---|', ...rows].join('\n');
}

function pageName(url: string): string {
  const path = new URL(url).pathname;
  return path.slice(path.lastIndexOf('/') + 1);
}
