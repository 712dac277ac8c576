/**
 * A RichApi host for tests: the in-memory Excel (test/officeMock) behind the protocol that Microsoft's client
 * library (`excel-web-16.00.js`) speaks, so that the add-in's Office.js code runs on the real proxies, load/sync
 * rules and request serializer, unchanged. What it models and what not: README.md beside this file.
 *
 * One request = one batch of the in-memory Excel: every action is replayed on its proxies in order, the batch is
 * applied at once (writes in order, a failing one stops the rest, those before it stay applied), and the results
 * are answered the way the library reads them (PascalCase members, `_Items` for collections, null for a null
 * object). Request and response sizes are the real JSON bodies.
 */
import { ClientObject, CollectionProxy, PAYLOAD_LIMIT } from "../officeMock/base";
import { MockContext } from "../officeMock/context";
import type { MockExcel } from "../officeMock/excel";
import { MockExcelError } from "../officeMock/model";
import { fits, SIGNATURES } from "./signatures";

/** RichApi's object path types and action types, as the library numbers them. */
export const PATH = { global: 1, property: 4, method: 3, indexer: 5, nullObject: 7 } as const;
export const ACTION = { instantiate: 1, query: 2, method: 3, setProperty: 4 } as const;

export interface ObjectPathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: ArgumentInfo;
}
interface ArgumentInfo {
  Arguments?: unknown[];
  ReferencedObjectPathIds?: unknown[];
}
export interface ActionInfo {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: ArgumentInfo;
  QueryInfo?: { Select?: string[] | null; Expand?: string[] | null; Top?: number; Skip?: number };
}
export interface RequestBody {
  Actions: ActionInfo[];
  ObjectPaths: Record<string, ObjectPathInfo>;
}
interface Result {
  ActionId: number;
  Value: unknown;
}
export interface ResponseMessage {
  HttpStatusCode: number;
  ErrorCode: null;
  ErrorMessage: null;
  Headers: Record<string, string>;
  Body: { Results: Result[]; Error?: { Code: string; Message: string; Location?: string; ActionIndex?: number; HttpStatusCode: number } };
}

/** What a member of the library is called in our proxies: the library sends `GetRange`, `Values`; we have `getRange`, `values`. */
export const memberName = (original: string) => original.charAt(0).toLowerCase() + original.slice(1);
const originalName = (member: string) => member.charAt(0).toUpperCase() + member.slice(1);

/** Excel's answer to a member it does not know (the host answers so for what the in-memory Excel does not model). */
export function unknownMember(owner: unknown, name: string): MockExcelError {
  const type = (owner as object | null)?.constructor?.name.replace(/Proxy$/, "") ?? "object";
  return new MockExcelError("ApiNotFound", `The API you are trying to use could not be found (${type}.${name}).`);
}

type Any = Record<string, unknown> & object;

/** The type of an object as the signatures name it: our proxy's class, or the property that led to a plain object. */
const typeNames = new WeakMap<object, string>();
function typeOf(target: unknown): string {
  if (target instanceof ClientObject) return target.constructor.name.replace(/Proxy$/, "");
  return (target !== null && typeof target === "object" && typeNames.get(target)) || "Object";
}

/** Refuses arguments of the wrong type as Excel does (InvalidArgument); a member without a signature is a gap of the host. */
function checkArguments(target: unknown, name: string, args: unknown[]): void {
  const key = `${typeOf(target)}.${name}`;
  const signature = SIGNATURES[key];
  if (!signature) throw new Error(`RichApi host: ${key} has no signature in test/richApi/signatures.ts`);
  const extra = args.slice(signature.length).some((a) => a !== undefined && a !== null);
  const wrong = signature.findIndex((param, i) => !fits(args[i], param));
  if (extra || wrong >= 0)
    throw Object.assign(new MockExcelError("InvalidArgument", "The argument is invalid or missing or has an incorrect format."), {
      debugInfo: {
        code: "InvalidArgument",
        message: `${key} argument ${wrong >= 0 ? wrong + 1 : signature.length + 1}`,
        errorLocation: key,
      },
    });
}

function hasMember(owner: unknown, name: string): owner is Any {
  return owner !== null && typeof owner === "object" && memberName(name) in owner;
}

function member(owner: unknown, name: string): unknown {
  if (!hasMember(owner, name)) throw unknownMember(owner, name);
  return owner[memberName(name)];
}

interface Query {
  action: ActionInfo;
  target: unknown;
  select: string[];
}

/** The requests answered, with their real sizes (bytes of the JSON bodies). */
export interface HostLog {
  requests: number[];
  responses: number[];
}

export class RichApiHost {
  readonly log: HostLog = { requests: [], responses: [] };
  constructor(readonly excel: MockExcel) {}

  /** The library's request executor interface (`executeAsync(customData, flags, requestMessage)`). */
  executeAsync(_customData: unknown, _flags: unknown, message: { Body: RequestBody }): Promise<ResponseMessage> {
    return this.execute(message.Body);
  }

  async execute(body: RequestBody): Promise<ResponseMessage> {
    const requestBytes = Buffer.byteLength(JSON.stringify(body), "utf8");
    this.log.requests.push(requestBytes);
    const context = new MockContext(this.excel);
    const paths = new Map<number, unknown>();
    const queries: Query[] = [];
    const instantiated: Array<{ action: ActionInfo; target: unknown; isNull: () => boolean | null }> = [];
    const methodResults: Array<{ action: ActionInfo; result: { value: unknown } }> = [];
    let current = -1;

    const resolvePath = (id: number): unknown => {
      if (paths.has(id)) return paths.get(id);
      const info = body.ObjectPaths[String(id)];
      if (!info) throw new MockExcelError("InvalidObjectPath", `Object path ${id} is not in the request.`);
      let target: unknown;
      if (info.ObjectPathType === PATH.global) target = context.workbook;
      else if (info.ObjectPathType === PATH.property) {
        target = member(resolvePath(info.ParentObjectPathId!), info.Name);
        if (target !== null && typeof target === "object" && !(target instanceof ClientObject)) typeNames.set(target, info.Name);
      } else if (info.ObjectPathType === PATH.method || info.ObjectPathType === PATH.indexer) {
        const parent = resolvePath(info.ParentObjectPathId!);
        const name = info.ObjectPathType === PATH.indexer ? "GetItem" : info.Name;
        const fn = member(parent, name);
        if (typeof fn !== "function") throw unknownMember(parent, name);
        const args = argumentsOf(info.ArgumentInfo, resolvePath);
        checkArguments(parent, name, args);
        target = (fn as (...a: unknown[]) => unknown).apply(parent, args);
      } else throw new MockExcelError("InvalidObjectPath", `Object path type ${info.ObjectPathType} is not modelled.`);
      paths.set(id, target);
      return target;
    };

    let failure: MockExcelError | null = null;
    try {
      for (const [index, action] of body.Actions.entries()) {
        const before = context.queue.length;
        current = index;
        try {
          this.queue(action, resolvePath, context, { queries, instantiated, methodResults });
        } catch (e) {
          if (!(e instanceof MockExcelError)) throw e;
          // Refused where Excel meets it: the actions before this one are applied, the rest are not.
          context.enqueue({
            bytes: 0,
            apply: () => {
              current = index;
              throw e;
            },
          });
          break;
        }
        // Every operation this action queued reports it as the action that failed.
        for (const op of context.queue.slice(before)) {
          const apply = op.apply;
          op.apply = () => {
            current = index;
            apply();
          };
        }
      }
      current = -1;
      await context.sync({ requestBytes });
    } catch (e) {
      if (!(e instanceof MockExcelError)) throw e;
      failure = e;
    }
    const results: Result[] = [];
    if (!failure) {
      for (const { action, isNull } of instantiated) results.push({ ActionId: action.Id, Value: isNull() ? null : {} });
      for (const q of queries) results.push({ ActionId: q.action.Id, Value: resultOf(q.target, q.select) });
      for (const m of methodResults) results.push({ ActionId: m.action.Id, Value: m.result.value });
      results.sort((a, b) => a.ActionId - b.ActionId);
    }
    let response = this.respond(results, failure, current);
    const responseBytes = Buffer.byteLength(JSON.stringify(response.Body), "utf8");
    if (!failure && responseBytes > (this.excel.payloadLimit ?? PAYLOAD_LIMIT)) {
      const e = new MockExcelError("ResponsePayloadSizeLimitExceeded", `Response of ${responseBytes} bytes exceeds the payload limit.`);
      response = this.respond([], e, -1);
    }
    this.log.responses.push(responseBytes);
    const stats = this.excel.stats;
    if (stats.responseBytes.length === stats.syncs) stats.responseBytes[stats.syncs - 1] = responseBytes;
    else stats.responseBytes.push(responseBytes);
    return response;
  }

  private queue(
    action: ActionInfo,
    resolvePath: (id: number) => unknown,
    context: MockContext,
    out: {
      queries: Query[];
      instantiated: Array<{ action: ActionInfo; target: unknown; isNull: () => boolean | null }>;
      methodResults: Array<{ action: ActionInfo; result: { value: unknown } }>;
    },
  ): void {
    const target = resolvePath(action.ObjectPathId);
    switch (action.ActionType) {
      case ACTION.instantiate: {
        // Whether the object is null is known when the batch reaches this action (an …OrNullObject lookup).
        let isNull: boolean | null = null;
        if (target instanceof ClientObject)
          context.enqueue({
            bytes: 0,
            apply: () => {
              isNull = (target as unknown as { resolveTarget: () => unknown }).resolveTarget() == null;
            },
          });
        out.instantiated.push({ action, target, isNull: () => isNull });
        return;
      }
      case ACTION.query: {
        if (!(target instanceof ClientObject)) throw unknownMember(target, "load");
        const select = [...(action.QueryInfo?.Select ?? []), ...(action.QueryInfo?.Expand ?? [])];
        const isCollection = target instanceof CollectionProxy;
        target.load(isCollection ? (select.length ? select.map((p) => `items/${p}`) : "items") : select);
        out.queries.push({ action, target, select });
        return;
      }
      case ACTION.method: {
        // The library's object tracking (Excel.run keeps a reference to objects it handed out): a path is
        // resolved anew in every request here, so there is nothing to keep or release.
        if (action.Name === "_KeepReference" || action.Name === "_RemoveReference") return;
        const fn = member(target, action.Name);
        if (typeof fn !== "function") throw unknownMember(target, action.Name);
        const args = argumentsOf(action.ArgumentInfo, resolvePath);
        checkArguments(target, action.Name, args);
        const result = (fn as (...a: unknown[]) => unknown).apply(target, args);
        if (result !== undefined && result !== null && typeof result === "object" && "value" in result)
          out.methodResults.push({ action, result: result as { value: unknown } });
        return;
      }
      case ACTION.setProperty: {
        if (!hasMember(target, action.Name)) throw unknownMember(target, action.Name);
        const value = action.ArgumentInfo?.Arguments?.[0];
        checkArguments(target, action.Name, [value]);
        target[memberName(action.Name)] = value;
        return;
      }
      default:
        throw new MockExcelError("InvalidRequest", `Action type ${action.ActionType} is not modelled.`);
    }
  }

  private respond(results: Result[], failure: MockExcelError | null, actionIndex: number): ResponseMessage {
    const body: ResponseMessage["Body"] = { Results: results };
    if (failure)
      body.Error = {
        Code: failure.code,
        Message: failure.message,
        Location: failure.debugInfo.errorLocation,
        ...(actionIndex >= 0 ? { ActionIndex: actionIndex } : {}),
        HttpStatusCode: 400,
      };
    return { HttpStatusCode: 200, ErrorCode: null, ErrorMessage: null, Headers: {}, Body: body };
  }
}

/** A method's arguments, with the objects it was given (`ReferencedObjectPathIds`) as the host's proxies. */
function argumentsOf(info: ArgumentInfo | undefined, resolvePath: (id: number) => unknown): unknown[] {
  const args = [...(info?.Arguments ?? [])];
  const refs = info?.ReferencedObjectPathIds ?? [];
  refs.forEach((ref, i) => {
    if (typeof ref === "number" && ref !== 0) args[i] = resolvePath(ref);
    else if (Array.isArray(ref)) args[i] = (args[i] as unknown[]).map((a, j) => (ref[j] ? resolvePath(ref[j] as number) : a));
  });
  return args;
}

/** A query's answer: the selected members, PascalCase, nested along navigation paths; `_Items` for a collection. */
function resultOf(target: unknown, select: string[]): unknown {
  if (target instanceof CollectionProxy) return { _Items: target.items.map((item) => resultOf(item, select)) };
  const object = target as ClientObject<unknown> & Any;
  const loaded = (object as unknown as { loaded: Map<string, unknown> }).loaded;
  if (loaded.get("isNullObject") === true) return null;
  const out: Record<string, unknown> = {};
  const own = select.length === 0 ? [...loaded.keys()].filter((k) => k !== "isNullObject") : [];
  const nested = new Map<string, string[]>();
  for (const path of select) {
    const [head, ...rest] = path.split("/");
    if (rest.length === 0 && loaded.has(head)) own.push(head);
    else if (rest.length === 0) nested.set(head, nested.get(head) ?? []);
    else nested.set(head, [...(nested.get(head) ?? []), rest.join("/")]);
  }
  for (const key of own) out[originalName(key)] = loaded.get(key);
  for (const [head, rest] of nested) out[originalName(head)] = resultOf(object[head], rest);
  return out;
}
