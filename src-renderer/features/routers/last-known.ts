/**
 * Last figures read per router, kept for this window's life: going offline re-mounts the dashboard tab,
 * and an offline router then shows what it last reported, with its age, instead of a blank page.
 */
export class LastKnown<T> {
  private readonly byRouter = new Map<string, { data: T; readAt: number }>();

  remember(routerId: string, data: T, at: number): void {
    this.byRouter.set(routerId, { data, readAt: at });
  }

  get(routerId: string, now: number): { data: T; readAt: number; ageMs: number } | null {
    const hit = this.byRouter.get(routerId);
    return hit ? { ...hit, ageMs: Math.max(0, now - hit.readAt) } : null;
  }
}
