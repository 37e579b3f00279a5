package io.refshadow.jmc;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RunnableFuture;
import org.openjdk.jmc.common.item.IItemCollection;
import org.openjdk.jmc.common.unit.IQuantity;
import org.openjdk.jmc.common.util.IPreferenceValueProvider;
import org.openjdk.jmc.common.util.TypedPreference;
import org.openjdk.jmc.flightrecorder.rules.IResult;
import org.openjdk.jmc.flightrecorder.rules.IResultValueProvider;
import org.openjdk.jmc.flightrecorder.rules.IRule;
import org.openjdk.jmc.flightrecorder.rules.TypedResult;
import org.openjdk.jmc.flightrecorder.rules.util.RulesToolkit.EventAvailability;
import org.openjdk.jmc.flightrecorder.rules.util.RulesToolkit.RequiredEventsBuilder;

/**
 * What refshadow's Mission Control rules share: each reads one refshadow event type, has one
 * warning-limit preference, and reports the score and one figure. Subclasses give those and {@link
 * #evaluate}.
 */
abstract class RefshadowRule implements IRule {
  private final String id;
  private final String name;
  private final String requiredEvent;
  private final TypedPreference<IQuantity> warningLimit;
  private final TypedResult<IQuantity> figure;

  RefshadowRule(
      String id,
      String name,
      String requiredEvent,
      TypedPreference<IQuantity> warningLimit,
      TypedResult<IQuantity> figure) {
    this.id = id;
    this.name = name;
    this.requiredEvent = requiredEvent;
    this.warningLimit = warningLimit;
    this.figure = figure;
  }

  @Override
  public final String getId() {
    return id;
  }

  @Override
  public final String getName() {
    return name;
  }

  @Override
  public final String getTopic() {
    return RefshadowRuleSupport.TOPIC;
  }

  @Override
  public final Map<String, EventAvailability> getRequiredEvents() {
    return RequiredEventsBuilder.create()
        .addEventType(requiredEvent, EventAvailability.ENABLED)
        .build();
  }

  @Override
  public final Collection<TypedPreference<?>> getConfigurationAttributes() {
    return List.of(warningLimit);
  }

  @Override
  public final Collection<TypedResult<?>> getResults() {
    return List.of(TypedResult.SCORE, figure);
  }

  @Override
  public final RunnableFuture<IResult> createEvaluation(
      IItemCollection items, IPreferenceValueProvider preferences, IResultValueProvider results) {
    return new FutureTask<>(() -> evaluate(items, preferences));
  }

  abstract IResult evaluate(IItemCollection items, IPreferenceValueProvider preferences);
}
