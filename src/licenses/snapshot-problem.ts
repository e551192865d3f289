/**
 * Something Headroom could not read for a snapshot because its app registration lacks a Graph
 * permission. The figure it feeds is unknown (never 0) and every answer says why.
 */
export interface SnapshotProblem {
  /** The application permission to grant, e.g. `GroupMember.Read.All`. */
  permission: string;
  /** What is unknown without it, in words for admins. */
  effect: string;
  /** The figure that is unknown. */
  unknown: 'waiting';
}
