"""
The auditor's tamper test, in one LibreOffice process (issue 33): every money cell of the result sheets is changed by
1 000 kr, one at a time; LibreOffice recalculates and Kontroller's statuses are read; the cell is put back. A money
cell is a number (not a formula) whose format is one of the reports' money formats (`#,##0` …, not a key's `#,##0.####`). Runs under Debian's
python3 with LibreOffice's UNO bridge (python3-uno).

    python3 tamper.py <soffice> <profile-dir> <workbook.xlsx> [sheet,sheet…]

Prints one JSON document: the checks (name and baseline status) and, for each money cell, its place, value and
the checks that turned FEL. LibreOffice is started for this run and ended before the script exits, whatever happens.
"""
import json
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.table.CellContentType import VALUE

SHEETS = ["Medlemsandelar", "Tertialrapport", "Eget kapital", "Bokslut"]


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(soffice, profile, pipe):
    proc = subprocess.Popen(
        [soffice, "-env:UserInstallation=" + uno.systemPathToFileUrl(profile), "--headless", "--invisible", "--norestore",
         "--nologo", "--nodefault", "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    last = None
    for _ in range(600):
        try:
            ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            return proc, ctx
        except Exception as e:  # not listening yet
            last = e
            if proc.poll() is not None:
                break
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("LibreOffice did not start: %s" % last)


def checks_of(doc):
    """Kontroller's check rows: the rows under the header Kontroll | Resultat, up to the first blank name."""
    sheet = doc.Sheets.getByName("Kontroller")
    rows = []
    header = None
    for r in range(0, 400):
        a = sheet.getCellByPosition(0, r).getString()
        b = sheet.getCellByPosition(1, r).getString()
        if header is None:
            if a == "Kontroll" and b == "Resultat":
                header = r
            continue
        if a == "":
            break
        rows.append((r, a))
    return sheet, rows


def money_cells(doc, names):
    formats = doc.NumberFormats
    out = []
    for name in names:
        if not doc.Sheets.hasByName(name):
            continue
        sheet = doc.Sheets.getByName(name)
        cursor = sheet.createCursor()
        cursor.gotoEndOfUsedArea(False)
        last_row, last_col = cursor.RangeAddress.EndRow, cursor.RangeAddress.EndColumn
        for r in range(0, last_row + 1):
            for c in range(0, last_col + 1):
                cell = sheet.getCellByPosition(c, r)
                if cell.getType() != VALUE or cell.getFormula().startswith("="):
                    continue
                fmt = formats.getByKey(cell.NumberFormat).FormatString
                # Money: the reports' amount formats; not percentages, nor keys (#,##0.####).
                if "#,##0" in fmt and "%" not in fmt and "0.#" not in fmt:
                    out.append((name, r, c, cell.getValue(), fmt))
    return out


def main():
    soffice, profile, path = sys.argv[1], sys.argv[2], sys.argv[3]
    names = sys.argv[4].split(",") if len(sys.argv) > 4 else SHEETS
    pipe = "finsam_tamper_%d" % os.getpid()
    proc, ctx = connect(soffice, profile, pipe)
    try:
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(path)), "_blank", 0, (prop("Hidden", True),))
        for i in range(doc.Sheets.getCount()):
            s = doc.Sheets.getByIndex(i)
            if s.isProtected():
                s.unprotect("")
        doc.calculateAll()
        kontroller, rows = checks_of(doc)
        # One UNO call per read: the Resultat column of the check rows as a block (the rows are contiguous).
        block = kontroller.getCellRangeByPosition(1, rows[0][0], 1, rows[-1][0]) if rows else None
        status = lambda: [str(v[0]) for v in block.getDataArray()] if block else []
        baseline = status()
        results = []
        for name, r, c, value, fmt in money_cells(doc, names):
            cell = doc.Sheets.getByName(name).getCellByPosition(c, r)
            cell.setValue(value + 1000)
            doc.calculateAll()
            now = status()
            cell.setValue(value)
            fel = [rows[i][1] for i, s in enumerate(now) if s == "FEL" and baseline[i] != "FEL"]
            results.append({"sheet": name, "row": r, "col": c, "value": value, "format": fmt, "fel": fel})
        doc.calculateAll()
        after = status()
        json.dump({"checks": [{"name": n, "status": s} for (_, n), s in zip(rows, baseline)], "after": after, "cells": results},
                  sys.stdout, ensure_ascii=False)
        doc.close(True)
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        try:
            proc.wait(timeout=20)
        except Exception:
            proc.kill()
            proc.wait()


main()
