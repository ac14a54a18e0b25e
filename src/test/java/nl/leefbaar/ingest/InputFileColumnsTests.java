package nl.leefbaar.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Every input file names each of its columns once in required() or optional() and reads
 * it by a constant of the same name holding its place in those lists: a list reordered
 * without its constants fails here.
 */
class InputFileColumnsTests {

	@Test
	void everyColumnConstantHoldsThePlaceOfItsColumn() throws Exception {
		CategoryMapping mapping = CategoryMapping.load(null);
		Clock clock = Clock.systemUTC();
		for (InputFile file : List.of(new NeighbourhoodsFile(), new ComplexesFile(Set.of()),
				new ReportsFile(Set.of(), mapping, clock), new ActivitiesFile(Set.of(), Set.of(), mapping, clock))) {
			List<String> columns = new ArrayList<>(file.required());
			columns.addAll(file.optional());
			List<String> constants = new ArrayList<>();
			for (Field field : file.getClass().getDeclaredFields()) {
				if (Modifier.isStatic(field.getModifiers()) && field.getType() == int.class
						&& field.getName().equals(field.getName().toUpperCase(Locale.ROOT))) {
					field.setAccessible(true);
					assertThat(columns.get(field.getInt(null))).as(file.fileName() + " " + field.getName())
						.isEqualTo(field.getName().toLowerCase(Locale.ROOT));
					constants.add(field.getName().toLowerCase(Locale.ROOT));
				}
			}
			assertThat(constants).as(file.fileName()).containsExactlyInAnyOrderElementsOf(columns);
		}
	}

}
