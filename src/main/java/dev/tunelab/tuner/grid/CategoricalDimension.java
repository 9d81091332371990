package dev.tunelab.tuner.grid;

import dev.tunelab.searchspace.ChoiceOption;
import dev.tunelab.searchspace.ChoiceParameter;
import dev.tunelab.searchspace.Parameter;
import dev.tunelab.searchspace.RandintParameter;
import java.util.LinkedHashMap;
import java.util.Map;

/** Choice and randint: every index from the first epoch on. */
final class CategoricalDimension extends Dimension {

  CategoricalDimension(Parameter parameter, int parent, int option) {
    super(parameter, parent, option);
  }

  @Override
  long length() {
    if (parameter() instanceof RandintParameter randint) {
      return randint.size().orElse(Long.MAX_VALUE);
    }
    return ((ChoiceParameter) parameter()).options().size();
  }

  @Override
  Object value(long index) {
    if (parameter() instanceof RandintParameter randint) {
      return randint.valueAt(index);
    }
    ChoiceOption option = ((ChoiceParameter) parameter()).options().get((int) index);
    if (option instanceof ChoiceOption.Nested nested) {
      Map<String, Object> value = new LinkedHashMap<>();
      value.put("_name", nested.name());
      return value;
    }
    return ((ChoiceOption.Value) option).value();
  }

  @Override
  boolean subdivide() {
    return false;
  }
}
