package dev.videojob.core;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a job cost, in the provider's unit.
 *
 * @param amount how much, never negative
 * @param unit the unit: {@code "credits"} or an ISO 4217 currency code such as {@code "USD"}
 */
public record Cost(BigDecimal amount, String unit) {
  /** The unit providers that bill in credits use. */
  public static final String CREDITS = "credits";

  /**
   * Creates a cost.
   *
   * @param amount how much, never negative
   * @param unit the unit: {@code "credits"} or an ISO 4217 currency code such as {@code "USD"}
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the amount is negative
   */
  public Cost {
    Objects.requireNonNull(amount, "amount == null");
    Objects.requireNonNull(unit, "unit == null");
    if (amount.signum() < 0) throw new IllegalArgumentException("cost amount < 0: " + amount);
  }

  /**
   * A cost in credits.
   *
   * @param credits the number of credits
   * @return the cost
   */
  public static Cost credits(BigDecimal credits) {
    return new Cost(credits, CREDITS);
  }
}
