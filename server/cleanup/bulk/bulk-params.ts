// A bulk job's parameters as stored on the job: the action, what it was run on (for people to
// read), who started it (the actor every write is made as), and for an undo the job it undoes.
import type { Actor } from '../../pipeline/console-env.ts';
import type { JsonObject, JsonValue } from '../../store/index.ts';
import { CONSOLE_ROLES } from '../../store/index.ts';
import { parseAction, type BulkAction } from './bulk-actions.ts';

export type BulkTarget =
  | { kind: 'selection'; ids: string[] }
  | { kind: 'search'; query: string }
  | { kind: 'check'; check: string };

/** The target without its ids (a selection of thousands is in the items, not the parameters). */
export type TargetSummary =
  { kind: 'selection' } | { kind: 'search'; query: string } | { kind: 'check'; check: string };

export interface BulkParams {
  action: BulkAction;
  target: TargetSummary;
  actor: Actor;
  /** For an undo: the job it undoes. */
  undoOf: string | null;
}

export function summariseTarget(target: BulkTarget): TargetSummary {
  return target.kind === 'selection' ? { kind: 'selection' } : target;
}

export function writeBulkParams(params: BulkParams): JsonObject {
  return params as unknown as JsonObject;
}

function readActor(value: unknown): Actor | null {
  if (typeof value !== 'object' || value === null) return null;
  const actor = value as Record<string, unknown>;
  if (actor.kind === 'local') return { kind: 'local' };
  const role = CONSOLE_ROLES.find((candidate) => candidate === actor.role);
  if (actor.kind !== 'person' || typeof actor.subject !== 'string' || role === undefined) {
    return null;
  }
  return {
    kind: 'person',
    subject: actor.subject,
    email: typeof actor.email === 'string' ? actor.email : null,
    name: typeof actor.name === 'string' ? actor.name : null,
    role,
  };
}

export function readBulkParams(value: JsonValue): BulkParams | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const action = parseAction(value.action);
  const actor = readActor(value.actor);
  const target = value.target as TargetSummary | undefined;
  if (typeof action === 'string' || actor === null || typeof target !== 'object') return null;
  return {
    action,
    actor,
    target,
    undoOf: typeof value.undoOf === 'string' ? value.undoOf : null,
  };
}
