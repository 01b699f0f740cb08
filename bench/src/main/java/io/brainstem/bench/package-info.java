/** Benchmarks and load generators for brainstem, run by hand. */
package io.brainstem.bench;
