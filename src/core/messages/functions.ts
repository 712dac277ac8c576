/** Insatser and the costs per verksamhet (core/functions.ts): an insats' code and Typ, and why the table could not be made. */
import { FUNCTION_LABELS, FUNCTION_LABELS_EN, FunctionId } from "../functionIds";
import { Entry, None, none } from "./words";

export interface FunctionParams {
  duplicate_grant: { grant: string; otherCell: string };
  unknown_grant_type: { value: string };
  cofinancing_over_granted: { grant: string; coFinancing: string; granted: string };
  cofinancing_none: None;
  grant_type_blank: { grant: string };
  ledger_project_unknown: { project: string; count: number; sheet: string };
  function_budget_partial: { year: number; missing: FunctionId[] };
  function_budget_differs: { year: number; sum: string; budget: string };
}

export const FUNCTION_MESSAGES: { [C in keyof FunctionParams]: Entry<FunctionParams[C]> } = {
  duplicate_grant: {
    meaning: "Samma insatskod finns två gånger i Insatser.",
    sv: (p) => `Insatsen ${p.grant} finns redan på ${p.otherCell}.`,
    en: (p) => `The project ${p.grant} is already listed at ${p.otherCell}.`,
    example: { grant: "P1", otherCell: "Insatser!A2" },
  },
  unknown_grant_type: {
    meaning: "En insats Typ är inte Individinriktad eller Strukturövergripande.",
    sv: (p) => `Typen "${p.value}" finns inte; skriv Individinriktad eller Strukturövergripande (eller lämna cellen tom).`,
    en: (p) => `The type "${p.value}" does not exist; write Individinriktad or Strukturövergripande (or leave the cell blank).`,
    example: { value: "Förebyggande" },
  },
  cofinancing_over_granted: {
    meaning: "En insats medfinansiering är större än dess beviljade belopp.",
    sv: (p, f) =>
      `Insatsen ${p.grant} har medfinansiering ${f.money(p.coFinancing)} men beviljat belopp ${f.money(p.granted)}; ` +
      "medfinansieringen är den del av det beviljade beloppet som medfinansiärerna betalar.",
    en: (p, f) =>
      `The insats ${p.grant} has co-financing of ${f.money(p.coFinancing)} but a granted amount of ${f.money(p.granted)}; ` +
      "the co-financing is the part of the granted amount that the co-financiers pay.",
    example: { grant: "P25/4", coFinancing: "5000000.00", granted: "4800000.00" },
  },
  cofinancing_none: {
    meaning: "Prognosmetoden medfinansiering är vald men ingen insats i Insatser har medfinansiering.",
    sv: () => "Metoden medfinansiering kräver minst en insats med Medfinansiering i Insatser.",
    en: () => "The method medfinansiering (co-financing) needs at least one insats with Medfinansiering in Insatser.",
    example: none,
  },
  grant_type_blank: {
    meaning: "Varning: en insats saknar Typ, så kostnaderna per verksamhet tas inte fram (de gissas aldrig).",
    sv: (p) =>
      `Insatsen ${p.grant} saknar Typ (Individinriktad eller Strukturövergripande), så tabellen Kostnader per verksamhet ` +
      "tas inte fram; resten av rapporten görs.",
    en: (p) =>
      `The insats ${p.grant} has no Typ (Individinriktad or Strukturövergripande), so the costs per verksamhet are not ` +
      "produced; the rest of the report is.",
    example: { grant: "P26/2" },
  },
  ledger_project_unknown: {
    meaning: "Varning: en kostnadsrad i huvudboken har en insats som inte finns i Insatser, så kostnaderna per verksamhet tas inte fram.",
    sv: (p, f) =>
      `${p.sheet} har kostnader på insatsen ${p.project}, som inte finns i Insatser` +
      `${p.count > 1 ? ` (och ${f.count(p.count - 1)} koder till)` : ""}, så tabellen Kostnader per verksamhet tas inte fram. ` +
      "Lägg till insatsen i Insatser med sin Typ, eller rätta koden på raden.",
    en: (p, f) =>
      `${p.sheet} has costs on the insats ${p.project}, which is not in Insatser` +
      `${p.count > 1 ? ` (and ${f.count(p.count - 1)} more codes)` : ""}, so the costs per verksamhet are not produced. ` +
      "Add the insats to Insatser with its Typ, or correct the code on the row.",
    example: { project: "P27/1", count: 1, sheet: "Huvudbok" },
  },
  function_budget_partial: {
    meaning: "Varning: Budget ger budget för några verksamheter men inte alla tre, så ingen budget per verksamhet visas.",
    sv: (p) =>
      `Budget ${p.year} per verksamhet saknar ${p.missing.map((m) => FUNCTION_LABELS[m]).join(" och ")}; ` +
      "budgetkolumnen i Kostnader per verksamhet visas tom tills alla tre finns.",
    en: (p) =>
      `The ${p.year} budget per verksamhet lacks ${p.missing.map((m) => FUNCTION_LABELS_EN[m]).join(" and ")}; ` +
      "the budget column of the costs per verksamhet is left empty until all three are given.",
    example: { year: 2026, missing: ["administration"] },
  },
  function_budget_differs: {
    meaning: "Varning: budgeten per verksamhet summerar inte till kostnadsradernas budget, så ingen budget per verksamhet visas.",
    sv: (p, f) =>
      `Budget ${p.year} per verksamhet summerar till ${f.money(p.sum)}, men kostnadsraderna i Budget till ${f.money(p.budget)}; ` +
      "budgetkolumnen i Kostnader per verksamhet visas tom tills de stämmer.",
    en: (p, f) =>
      `The ${p.year} budget per verksamhet sums to ${f.money(p.sum)}, but the cost lines in Budget to ${f.money(p.budget)}; ` +
      "the budget column of the costs per verksamhet is left empty until they agree.",
    example: { year: 2026, sum: "9700000.00", budget: "9730000.00" },
  },
};
