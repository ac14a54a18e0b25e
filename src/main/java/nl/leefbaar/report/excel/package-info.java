/**
 * The two Excel workbooks of a month (outputs.md), read only from the figures the
 * indicator stage stored (V2__domain.sql).
 * <p>
 * Where to find what:
 * <ul>
 * <li>{@link nl.leefbaar.report.excel.DashboardWriter}:
 * {@code dashboard-<owner-slug>-<m>.xlsx} per owner and {@code dashboard-team-<m>.xlsx}
 * (exact counts; DashboardScope says whose): OverviewSheet (Aandacht: AttentionList,
 * AttentionText), ComplexSheet, RepeatSheet, ActivitySheet, TrendSheet, NotesSheet; the
 * month's figures read once (DashboardData, DashboardStore, the dwellings' month facts
 * DwellingRepeats, SQL in {@code sql/report/}). DashboardAttentionLines: the Aandacht
 * list for other outputs.</li>
 * <li>{@link nl.leefbaar.report.excel.NeighbourhoodWorkbookWriter}:
 * {@code neighbourhoods-<yyyy-mm>.xlsx} (small-number rules, SmallNumbers):
 * NeighbourhoodSheet, DistrictSheet, PublicComplexSheet, NotesSheet.</li>
 * <li>FigureStore: every query; Labels: the bundle {@code i18n/workbook*.properties};
 * Styles: the cell styles, made once a workbook, in Okabe-Ito colours (Palette);
 * SheetWriter: rows, text-only data cells, widths and outputs.md's rules for every sheet
 * (frozen header, a filter on every list, readable printing with the header repeated, the
 * table of contents, explained blanks (Missing), changes that are better or worse only
 * when tested (indicators.stats.Change, Polarity)); Pages: the printed header and footer
 * (title, "data t/m", page x of y); Charts: native XDDF charts; Trend: the 12-month OLS
 * trend.</li>
 * <li>{@link nl.leefbaar.report.excel.FunnelImageSource}: the funnel plot PNG, drawn
 * elsewhere, optional.</li>
 * </ul>
 * Memory: the long sheets are streamed (SXSSF, 200 rows in memory); the benchmark is
 * {@code bench/report-bench.sh}, the visual check {@code scripts/render-xlsx.sh}.
 */
package nl.leefbaar.report.excel;
