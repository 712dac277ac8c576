/** The base of every proxy of the in-memory Excel: load/sync discipline, queued writes, navigation. */
import type { MockContext } from "./context";
import { MockExcelError } from "./model";

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
export const CELL_READ_LIMIT = 5_000_000;

export interface Op {
  bytes: number;
  /** The Office object and member the operation calls, for debugInfo.errorLocation. */
  location?: string;
  apply: () => void;
  /** A load: returns its response size and a commit run after the whole batch succeeded. */
  load?: () => { bytes: number; commit: () => void };
}

export interface SyncStats {
  syncs: number;
  requestBytes: number[];
  responseBytes: number[];
  maxCellsRead: number;
}

export interface FailurePlan {
  /** 1-based number of the sync (counted over the whole MockExcel) that fails. */
  sync: number;
  /** Operations of that batch applied before it fails (default 0). */
  afterOps?: number;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyObject = ClientObject<any>;

export const jsonSize = (v: unknown) => (v === undefined ? 0 : JSON.stringify(v).length);

type LoadArg = string | string[] | { select?: string; expand?: string } | undefined;

function loadPaths(arg: LoadArg): string[] {
  if (arg === undefined) return [];
  if (Array.isArray(arg)) return arg.flatMap((a) => loadPaths(a));
  if (typeof arg === "object") return [...loadPaths(arg.select), ...loadPaths(arg.expand)];
  return arg
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

interface PropDef<T> {
  get?: (t: T) => unknown;
  set?: (t: T, v: unknown) => void;
}

/** The base of every proxy: load/sync discipline, queued writes, navigation. */
export abstract class ClientObject<T> {
  protected loaded = new Map<string, unknown>();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private props: Record<string, PropDef<any>> = {};
  private navs: Record<string, () => AnyObject> = {};
  constructor(
    readonly context: MockContext,
    protected resolveTarget: () => T | null,
  ) {}

  protected target(): T {
    const t = this.resolveTarget();
    if (t === null || t === undefined)
      throw new MockExcelError("ItemNotFound", `The requested resource doesn't exist (${this.constructor.name}).`);
    return t;
  }

  protected prop(name: string, def: PropDef<T>): void {
    this.props[name] = def;
    Object.defineProperty(this, name, {
      configurable: true,
      enumerable: true,
      get: () => {
        if (!this.loaded.has(name)) {
          throw new MockExcelError(
            "PropertyNotLoaded",
            `The property '${name}' is not available. Before reading the property's value, call the load ` +
              `method on the containing object and call "context.sync()" on the associated request context.`,
          );
        }
        return this.loaded.get(name);
      },
      set: (v: unknown) => {
        if (!def.set) throw new MockExcelError("InvalidArgument", `The property '${name}' is read-only.`);
        const value = v;
        this.context.enqueue({ bytes: jsonSize(value) + name.length, apply: () => def.set!(this.target(), value) });
      },
    });
  }

  protected nav(name: string, make: () => AnyObject): void {
    let cached: AnyObject | undefined;
    this.navs[name] = () => (cached ??= make());
    Object.defineProperty(this, name, { configurable: true, enumerable: true, get: () => this.navs[name]() });
  }

  /** Queues a method call with a side effect. */
  /** The Office.js class this proxy stands for, as debugInfo.errorLocation names it. */
  protected officeName(): string {
    return this.constructor.name.replace(/Proxy$/, "");
  }

  protected call(name: string, bytes: number, apply: (t: T) => void): void {
    this.context.enqueue({ bytes: bytes + name.length, location: `${this.officeName()}.${name}`, apply: () => apply(this.target()) });
  }

  /** Queues the creation of a child object; it resolves to what `compute` returned when the batch ran. */
  protected child<C>(bytes: number, compute: () => C | null, make: (resolve: () => C | null) => ClientObject<C>): ClientObject<C> {
    let memo: C | null = null;
    let done = false;
    this.context.enqueue({
      bytes,
      apply: () => {
        memo = compute();
        done = true;
      },
    });
    return make(() => {
      if (!done) throw new Error("mock: object used before the operation that creates it ran");
      return memo;
    });
  }

  /** Collects data for `paths` at apply time; `commit` makes it readable. */
  collect(paths: string[]): { data: Record<string, unknown>; commit: () => void } {
    const t = this.resolveTarget();
    const data: Record<string, unknown> = {};
    const commits: Array<() => void> = [];
    const isNull = t === null || t === undefined;
    if (isNull && !this.allowsNull())
      throw new MockExcelError("ItemNotFound", `The requested resource doesn't exist (${this.constructor.name}).`);
    const own = paths.length === 0 ? Object.keys(this.props).filter((p) => this.props[p].get) : [];
    const groups = new Map<string, string[]>();
    for (const p of paths) {
      const [head, ...rest] = p.split("/");
      if (!groups.has(head)) groups.set(head, []);
      if (rest.length) groups.get(head)!.push(rest.join("/"));
      else if (!this.navs[head]) own.push(head);
    }
    if (!isNull) {
      for (const p of own) {
        const def = this.props[p];
        if (!def?.get) {
          if (this.navs[p]) continue;
          throw new MockExcelError("InvalidArgument", `Cannot load property '${p}' of ${this.constructor.name}.`);
        }
        data[p] = def.get(t as T);
      }
      for (const [head, rest] of groups) {
        if (!this.navs[head]) continue;
        const sub = this.navs[head]().collect(rest);
        data[head] = sub.data;
        commits.push(sub.commit);
      }
    }
    return {
      data,
      commit: () => {
        this.loaded.set("isNullObject", isNull);
        for (const [k, v] of Object.entries(data)) if (this.props[k]) this.loaded.set(k, v);
        for (const c of commits) c();
      },
    };
  }

  protected allowsNull(): boolean {
    return false;
  }

  load(arg?: LoadArg): this {
    const paths = loadPaths(arg);
    this.context.enqueue({
      bytes: 32 + paths.join(",").length,
      apply: () => undefined,
      load: () => {
        const r = this.collect(paths);
        return { bytes: jsonSize(r.data), commit: r.commit };
      },
    });
    return this;
  }

  get isNullObject(): boolean {
    if (!this.loaded.has("isNullObject")) throw new MockExcelError("PropertyNotLoaded", "The property 'isNullObject' is not available.");
    return this.loaded.get("isNullObject") as boolean;
  }
}

/** A proxy found by an …OrNullObject method. */
export function nullable<T extends AnyObject>(obj: T): T {
  (obj as unknown as { allowsNull: () => boolean }).allowsNull = () => true;
  return obj;
}

export abstract class CollectionProxy<M, I extends ClientObject<M>> extends ClientObject<M[]> {
  items: I[] = [];
  private itemsLoaded = false;
  protected abstract makeItem(model: M): I;
  /** An item proxy that resolves through `resolve` (an item found by position). */
  protected abstract itemProxy(resolve: () => M | null): I;

  /** `getItemAt(index)`: the item at that position when the batch runs (ItemNotFound beyond the end). */
  getItemAt(index: number): I {
    return this.child<M>(
      16,
      () => {
        const m = this.target()[index];
        if (m === undefined) throw new MockExcelError("ItemNotFound", `The requested resource doesn't exist (item ${index}).`);
        return m;
      },
      (r) => this.itemProxy(r) as unknown as ClientObject<M>,
    ) as unknown as I;
  }

  override collect(paths: string[]): { data: Record<string, unknown>; commit: () => void } {
    const models = this.target();
    const itemPaths = paths.filter((p) => p.startsWith("items/")).map((p) => p.slice(6));
    const wantsItems = paths.length === 0 || paths.some((p) => p === "items" || p.startsWith("items/"));
    const items = models.map((m) => this.makeItem(m));
    const subs = wantsItems ? items.map((i) => i.collect(itemPaths)) : [];
    return {
      data: { items: subs.map((s) => s.data) },
      commit: () => {
        this.items = items;
        this.itemsLoaded = true;
        for (const s of subs) s.commit();
      },
    };
  }
  get count(): number {
    if (!this.itemsLoaded) throw new MockExcelError("PropertyNotLoaded", "The property 'items' is not available.");
    return this.items.length;
  }
}
