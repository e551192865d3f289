/** What the bench harness asks its child server. */
export type ParentMessage = { type: 'memory' } | { type: 'stop' };

/** What the child server answers. */
export type ChildMessage = { type: 'ready'; url: string } | { type: 'memory'; rss: number; heapUsed: number };
