/** The fields of the budget records (#PBUDGET, #BUDGET) as real exports write them; the reader checks the values. */
import { Field, list, pairs, str } from "./fields";

export interface BudgetFields {
  period: string;
  account: string;
  objects: Array<[number, string]>;
  amount: string;
}

const isMonth = (x: string | undefined): boolean =>
  x !== undefined && /^\d{6}$/.test(x) && Number(x.slice(4)) >= 1 && Number(x.slice(4)) <= 12;

/**
 * #PBUDGET: the standard writes `årsnr period konto {objekt} saldo [kvantitet]`; BL Administration writes
 * `årsnr konto period saldo`, and some files leave out the object list. The period is the field that is a month
 * (`YYYYMM`, 01–12); where both could be, the standard's order.
 */
export function pbudgetFields(f: Field[]): BudgetFields {
  const scalars: string[] = [];
  let objects: Array<[number, string]> = [];
  for (let i = 2; i < f.length; i++) {
    if (Array.isArray(f[i])) objects = pairs(list(f[i]));
    else scalars.push(str(f[i]));
  }
  const standard = isMonth(scalars[0]) || !isMonth(scalars[1]);
  return {
    period: (standard ? scalars[0] : scalars[1]) ?? "",
    account: (standard ? scalars[1] : scalars[0]) ?? "",
    objects,
    amount: scalars[2] ?? "",
  };
}

/** #BUDGET: `årsnr konto {objekt} saldo`; the object list may be left out. */
export function budgetFields(f: Field[]): BudgetFields {
  const withList = Array.isArray(f[3]);
  return { period: "", account: str(f[2]), objects: withList ? pairs(list(f[3])) : [], amount: str(withList ? f[4] : f[3]) };
}
