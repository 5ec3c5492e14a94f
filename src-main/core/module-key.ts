/** Typed handle to a module's runtime, so services reach it without optional look-ups. */
export interface ModuleKey<R> {
  readonly name: string;
  /** Phantom: carries the runtime type. */
  readonly runtime?: R;
}

export function moduleKey<R>(name: string): ModuleKey<R> {
  return { name };
}

/** How the core hands out started modules (implemented by `ModuleRegistry` in module.ts). */
export interface ModuleLookup {
  get<R>(key: ModuleKey<R>): R;
}
