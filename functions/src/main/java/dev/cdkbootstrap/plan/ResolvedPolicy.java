package dev.cdkbootstrap.plan;

import dev.cdkbootstrap.config.Place;

/** The execution policy one contribution asks for, with where it was asked (for conflict messages). */
record ResolvedPolicy(ExecutionPolicy policy, Contribution from, Place place) {}
