package io.naaplake.simulator;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One orchestrator: an on-chain address (checksum case, the payment recipient and canonical
 * identity), a hot-wallet local address (checksum case in capability reports, lower case in live
 * events), one or more hosts (URIs), a node version and how it fails.
 */
final class Orchestrator {
  /** What the orchestrator serves. */
  enum Kind {
    LIVE,
    BATCH,
    LLM,
    BYOC
  }

  /** Which optional keys its PerCapability model entries carry (real reports vary). */
  enum ModelEntryShape {
    CAPACITY_RUNNER,
    IN_USE_RUNNER,
    RUNNER_ONLY,
    CAPACITY_ONLY
  }

  final int index;
  final Kind kind;
  final String address;
  final String localAddress;
  final String version;
  final boolean reportsMinVersion;
  final boolean reportsMandatories;
  final boolean hardwarePerGpu;
  final boolean hardwareNull;
  final ModelEntryShape modelEntryShape;
  final FailureRates rates;
  final double reliability;
  final boolean ratesOverridden;

  /** Face value of a ticket in wei (a multiple of 10^12) and win probability in 1e-10 units. */
  final BigInteger faceValueWei;

  final long winProbUnits;
  final List<Host> hosts = new ArrayList<>();
  private final String canonicalAddress;
  private final String liveAddress;

  Orchestrator(
      int index,
      Kind kind,
      String address,
      String localAddress,
      String version,
      boolean reportsMinVersion,
      boolean reportsMandatories,
      boolean hardwarePerGpu,
      boolean hardwareNull,
      ModelEntryShape modelEntryShape,
      FailureRates rates,
      double reliability,
      boolean ratesOverridden,
      BigInteger faceValueWei,
      long winProbUnits) {
    this.index = index;
    this.kind = kind;
    this.address = address;
    this.localAddress = localAddress;
    this.version = version;
    this.reportsMinVersion = reportsMinVersion;
    this.reportsMandatories = reportsMandatories;
    this.hardwarePerGpu = hardwarePerGpu;
    this.hardwareNull = hardwareNull;
    this.modelEntryShape = modelEntryShape;
    this.rates = rates;
    this.reliability = reliability;
    this.ratesOverridden = ratesOverridden;
    this.faceValueWei = faceValueWei;
    this.winProbUnits = winProbUnits;
    this.canonicalAddress = address.toLowerCase(Locale.ROOT);
    this.liveAddress = localAddress.toLowerCase(Locale.ROOT);
  }

  /** The on-chain address lower-cased: the canonical identity the lake keys orchestrators by. */
  String canonicalAddress() {
    return canonicalAddress;
  }

  /** The local address as live events and discovery results carry it: lower case. */
  String liveAddress() {
    return liveAddress;
  }

  String kindName() {
    return kind.name().toLowerCase(Locale.ROOT);
  }
}
