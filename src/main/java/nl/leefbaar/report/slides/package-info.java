/**
 * The seminar deck {@code seminar-<yyyy-mm>.pptx}: a title slide and one chart a slide
 * with a takeaway computed from the plotted figures ({@code Takeaways}) and speaker notes
 * with the definition and caveats ({@code SpeakerNotes}). Render it to look at with
 * {@code scripts/render-pptx.sh}.
 */
package nl.leefbaar.report.slides;
