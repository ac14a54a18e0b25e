package nl.leefbaar.deliver;

import java.nio.file.Path;
import java.util.List;

/**
 * The {@code deliver:} block of a job definition (sources-and-delivery.md, Delivery): the
 * sender's address and, per owner or audience, who gets its files. Recipients come from
 * here only, never from the data.
 */
public record DeliverBlock(Path file, String from, List<DeliverEntry> entries) {
}
