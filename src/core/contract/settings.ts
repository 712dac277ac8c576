/**
 * The settings of Inställningar, declared once (docs/workbook.md's settings table is made from this list, and a test
 * holds it to it): each setting's Swedish and English name and the other spellings read, the kind of its value,
 * whether it must be given, the value the template writes and its explanation there, and what the docs say it
 * means and what holds when it is empty. In the order the template writes them. Pure data.
 */
import type { SettingId } from "../inputs";

/** What a setting's value is; the settings reader parses each by its own rule (workbook/read/settings.ts). */
export type SettingKind = "text" | "year" | "date" | "amount" | "percent" | "integer" | "yesNo" | "choice";

export interface SettingDef {
  id: SettingId;
  sv: string;
  en: string;
  aliases: readonly string[];
  kind: SettingKind;
  required: boolean;
  /** The value the template writes (null: left empty). */
  template: string | number | null;
  /** The template's explanation beside it (Förklaring). */
  help: string;
  /** docs/workbook.md: what it means, and what holds when it is empty. */
  meaning: string;
  otherwise: string;
}

export const SETTING_DEFS: readonly SettingDef[] = [
  {
    id: "association",
    sv: "Förbund",
    en: "Association",
    aliases: ["Förbundets namn"],
    kind: "text",
    required: true,
    template: "",
    help: "Förbundets namn; visas på alla rapporter (obligatorisk)",
    meaning: "förbundets namn på alla rapporter",
    otherwise: "obligatorisk",
  },
  {
    id: "year",
    sv: "Räkenskapsår",
    en: "Fiscal year",
    aliases: ["År"],
    kind: "year",
    required: true,
    template: null,
    help: "Kalenderår som rapporterna avser (obligatorisk)",
    meaning: "kalenderåret som rapporterna avser",
    otherwise: "obligatorisk",
  },
  {
    id: "cutoff",
    sv: "Brytdatum",
    en: "Cut-off date",
    aliases: ["Cutoff date"],
    kind: "date",
    required: false,
    template: null,
    help: "Sista dag som ingår i utfallet: 30 april, 31 augusti eller 31 december (standard 30 april)",
    meaning: "sista dag i utfallet: månadens sista dag (normalt 30 april, 31 augusti, 31 december)",
    otherwise: "30 april",
  },
  {
    id: "displayUnit",
    sv: "Beloppsenhet",
    en: "Display unit",
    aliases: [],
    kind: "choice",
    required: false,
    template: "tkr",
    help: "kr eller tkr i rapporterna",
    meaning: "`kr` eller `tkr` i rapporterna",
    otherwise: "`tkr`",
  },
  {
    id: "roundingUnit",
    sv: "Avrundningsenhet",
    en: "Rounding unit",
    aliases: [],
    kind: "choice",
    required: false,
    template: 1,
    help: "Medlemsandelar avrundas till 1, 100 eller 1000 kr",
    meaning: "medlemsandelarnas enhet: 1, 100 eller 1000 kr",
    otherwise: "1",
  },
  {
    id: "stateContribution",
    sv: "Statens bidrag",
    en: "State contribution",
    aliases: [],
    kind: "amount",
    required: false,
    template: null,
    help: "Statens årsbelopp (betalas av Försäkringskassan)",
    meaning: "statens årsbelopp (betalas av Försäkringskassan)",
    otherwise: "–",
  },
  {
    id: "totalContributions",
    sv: "Medlemsbidrag totalt",
    en: "Total contributions",
    aliases: [],
    kind: "amount",
    required: false,
    template: null,
    help: "Alla medlemmars årsbelopp; ange detta eller statens bidrag",
    meaning: "alla medlemmars årsbelopp; ange detta eller statens",
    otherwise: "–",
  },
  {
    id: "shareState",
    sv: "Andel stat",
    en: "State share",
    aliases: [],
    kind: "percent",
    required: false,
    template: "50 %",
    help: "Statens andel",
    meaning: "statens andel; de tre huvudmännens andelar är tillsammans 100 %",
    otherwise: "50 %",
  },
  {
    id: "shareRegion",
    sv: "Andel region",
    en: "Region share",
    aliases: [],
    kind: "percent",
    required: false,
    template: "25 %",
    help: "Regionens (regionernas) andel",
    meaning: "regionens (regionernas) andel",
    otherwise: "25 %",
  },
  {
    id: "shareMunicipalities",
    sv: "Andel kommuner",
    en: "Municipalities share",
    aliases: ["Andel kommun"],
    kind: "percent",
    required: false,
    template: "25 %",
    help: "Kommunernas gemensamma andel",
    meaning: "kommunernas gemensamma andel",
    otherwise: "25 %",
  },
  {
    id: "installments",
    sv: "Betalningstillfällen",
    en: "Installments",
    aliases: [],
    kind: "choice",
    required: false,
    template: 4,
    help: "1, 2, 3, 4 eller 12 inbetalningar per år",
    meaning: "1, 2, 3, 4 eller 12 inbetalningar per år",
    otherwise: "4",
  },
  {
    id: "accrueContributions",
    sv: "Periodisera medlemsbidrag",
    en: "Accrue contributions",
    aliases: [],
    kind: "yesNo",
    required: false,
    template: "Ja",
    help: "Ja: periodens intäkt = årsbelopp × förflutna månader / 12",
    meaning: "Ja: periodens intäkt = årsbelopp × förflutna månader / 12",
    otherwise: "Ja",
  },
  {
    id: "openingEquity",
    sv: "Ingående eget kapital",
    en: "Opening equity",
    aliases: [],
    kind: "amount",
    required: false,
    template: null,
    help: "Eget kapital 1 januari; lämna tomt för att läsa IB-rader på eget kapital-konton (eller fjolårets IB och rader)",
    meaning: "eget kapital 1 januari; annars IB-rader på eget kapital-konton, annars fjolårets utgående enligt Huvudbok",
    otherwise: "–",
  },
  {
    id: "ceilingRule",
    sv: "Takregel",
    en: "Ceiling rule",
    aliases: [],
    kind: "choice",
    required: false,
    template: "20 %",
    help: "Procent av årets medlemsbidrag, eller Tabell för trappstegsregeln i Takregel",
    meaning: "`20 %` (andel av årets medlemsbidrag) eller `Tabell` (tabellen Takregel)",
    otherwise: "`20 %`",
  },
  {
    id: "ceilingBasis",
    sv: "Takunderlag",
    en: "Ceiling basis",
    aliases: [],
    kind: "choice",
    required: false,
    template: "Medlemsbidrag",
    help: "Takets underlag: Medlemsbidrag (årets medlemsbidrag) eller Alla intäkter (även projektmedel och övriga)",
    meaning:
      "takets underlag: `Medlemsbidrag` (årets medlemsbidrag) eller `Alla intäkter` (verksamhetens intäkter: medlemsbidrag, " +
      "projektmedel och övriga intäkter; årets prognos, planårens budget). Eget kapital-bladet säger vilket",
    otherwise: "`Medlemsbidrag`",
  },
  {
    id: "sieProjectDimension",
    sv: "SIE-dimension för insatser",
    en: "SIE project dimension",
    aliases: [],
    kind: "integer",
    required: false,
    template: 6,
    help: "SIE-import: dimensionen vars objekt är insatserna (6 = projekt)",
    meaning: "SIE-import: dimensionen vars objekt blir Insats i Huvudbok",
    otherwise: "6 (projekt)",
  },
  {
    id: "sieChart",
    sv: "SIE-kontoplan",
    en: "SIE chart of accounts",
    aliases: [],
    kind: "choice",
    required: false,
    template: null,
    help: "SIE-import: BAS eller Kommun-BAS för föreslagna rapportrader; tomt = enligt filens #KPTYP",
    meaning: "SIE-import: `BAS` eller `Kommun-BAS` för föreslagna rapportrader",
    otherwise: "filens `#KPTYP`",
  },
  {
    id: "deviationThreshold",
    sv: "Avvikelsegräns",
    en: "Deviation threshold",
    aliases: [],
    kind: "choice",
    required: false,
    template: "10 %; 100 tkr",
    help: "Tertialrapporten markerar avvikelser mot budget som är minst så stora (andel och belopp)",
    meaning:
      "Tertialrapporten färgar en avvikelse mot budget som är minst så stor: andel av budget och/eller belopp, t.ex. " +
      "`10 %; 100 tkr`, `5 %`, `50 000 kr` (ett tal ≤ 1 är en andel, större är kronor)",
    otherwise: "`10 %; 100 tkr`",
  },
  {
    id: "keyLabel",
    sv: "Fördelningsnyckel avser",
    en: "Key basis",
    aliases: [],
    kind: "text",
    required: false,
    template: null,
    help: "Vad kommunernas fördelningsnyckel i Medlemmar är, t.ex. invånare 1 november 2025",
    meaning: "vad kommunernas fördelningsnyckel är, t.ex. `invånare 1 november 2025`; visas i Medlemsandelar",
    otherwise: "– (”Nyckel”)",
  },
  {
    id: "dueDays",
    sv: "Förfallodagar",
    en: "Due dates",
    aliases: [],
    kind: "choice",
    required: false,
    template: null,
    help: "Inbetalningarnas förfallodagar (MM-DD; ...); tomt = sista dagen i januari, april, juli, oktober (4), januari och juli (2) osv.",
    meaning: "inbetalningarnas förfallodagar `MM-DD; MM-DD; …` i datumordning, en per betalningstillfälle",
    otherwise:
      "sista dagen i första månaden av varje period: 1 → 01-31; 2 → 01-31, 07-31; 3 → 01-31, 05-31, 09-30; " +
      "4 → 01-31, 04-30, 07-31, 10-31; 12 → varje månads sista dag",
  },
  {
    id: "orgNumber",
    sv: "Organisationsnummer",
    en: "Organisation number",
    aliases: ["Org.nr", "Orgnr"],
    kind: "text",
    required: false,
    template: null,
    help: "Fylls i av första SIE-importen (#ORGNR); en SIE-fil för ett annat nummer vägras",
    meaning: "fylls i av första SIE-importen från filens `#ORGNR`; en SIE-fil för ett annat nummer vägras (`sie_orgnr_mismatch`)",
    otherwise: "–",
  },
];

/** Each setting's declaration by id. */
export const SETTINGS = Object.fromEntries(SETTING_DEFS.map((s) => [s.id, s])) as Record<SettingId, SettingDef>;

/** Every name a setting answers to: Swedish, English, then the other spellings. */
export function settingNames(s: Pick<SettingDef, "sv" | "en" | "aliases">): string[] {
  return [s.sv, s.en, ...s.aliases];
}
