package dev.videojob.webhooks;

import dev.videojob.core.ErrorContext;
import dev.videojob.core.InvalidRequestException;
import dev.videojob.webhooks.internal.IpAddresses;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a callback URL that an application accepts from its users before it is handed to a
 * provider (ssemble's rules): http or https only, at most 2,048 characters, no credentials, and no
 * host that is localhost, loopback, private, link-local, shared, multicast, cloud metadata or
 * unspecified, in any spelling (IPv6, IPv4-mapped and other IPv4-in-IPv6 forms, decimal, octal,
 * hex, short forms). Optionally the host name is resolved and every address checked as well.
 *
 * <p>A resolved check is a snapshot: DNS may answer differently later (rebinding), so the provider
 * must still apply its own rules when it connects. Immutable and thread-safe.
 */
public final class CallbackUrlPolicy {
  /** The default longest URL: 2,048 characters, ssemble's limit. */
  public static final int DEFAULT_MAX_LENGTH = 2048;

  private static final Set<String> BLOCKED_NAMES = Set.of("localhost", "localhost.localdomain", "ip6-localhost",
      "ip6-loopback", "metadata", "metadata.google.internal", "metadata.goog", "instance-data",
      "instance-data.ec2.internal");
  private static final List<String> BLOCKED_SUFFIXES = List.of(".localhost", ".local", ".internal", ".localdomain");
  private static final Pattern HOST_NAME = Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,62})(\\.[a-z0-9_]([a-z0-9_-]{0,62}))*");

  /** Resolves a host name to its addresses; {@code InetAddress::getAllByName} by default. */
  @FunctionalInterface
  public interface HostResolver {
    /**
     * Resolves a host.
     *
     * @param host the host name
     * @return its addresses
     * @throws UnknownHostException if it has none
     */
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private final boolean httpsOnly;
  private final int maxLength;
  private final HostResolver resolver;

  private CallbackUrlPolicy(Builder b) {
    this.httpsOnly = b.httpsOnly;
    this.maxLength = b.maxLength;
    this.resolver = b.resolver;
  }

  /** @return the default policy: http and https, 2,048 characters, no DNS resolution */
  public static CallbackUrlPolicy defaults() {
    return builder().build();
  }

  /** @return a builder with the defaults */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Whether a URL passes the policy.
   *
   * @param url the URL as the user gave it
   * @return true if {@link #check(String)} would accept it
   */
  public boolean isAllowed(String url) {
    try {
      check(url);
      return true;
    } catch (InvalidRequestException e) {
      return false;
    }
  }

  /**
   * Checks a URL.
   *
   * @param url the URL as the user gave it
   * @return the URL, parsed
   * @throws NullPointerException if url is null
   * @throws InvalidRequestException (field {@code callbackUrl}) saying which rule the URL breaks
   */
  public URI check(String url) {
    Objects.requireNonNull(url, "url == null");
    if (url.length() > maxLength) throw reject("is longer than " + maxLength + " characters");
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw reject("is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && (httpsOnly || !scheme.equals("http"))) {
      throw reject(httpsOnly ? "must use https" : "must use http or https");
    }
    String authority = uri.getRawAuthority();
    if (authority == null || authority.isEmpty()) throw reject("has no host");
    if (authority.contains("@")) throw reject("must not contain credentials");
    String host = hostOf(authority).toLowerCase(Locale.ROOT);
    if (host.endsWith(".")) host = host.substring(0, host.length() - 1);
    if (host.isEmpty()) throw reject("has no host");
    if (host.indexOf('%') >= 0) throw reject("has an encoded or zoned host");

    if (host.startsWith("[")) {
      byte[] a = host.endsWith("]") ? IpAddresses.parseIpv6(host.substring(1, host.length() - 1)) : null;
      if (a == null) throw reject("has an invalid IPv6 host");
      checkAddress(a);
      return uri;
    }
    if (IpAddresses.looksNumeric(host)) {
      byte[] a = IpAddresses.parseIpv4(host);
      if (a == null) throw reject("has an invalid numeric host");
      checkAddress(a);
      return uri;
    }
    if (!HOST_NAME.matcher(host).matches()) throw reject("has an invalid host name");
    if (BLOCKED_NAMES.contains(host) || BLOCKED_SUFFIXES.stream().anyMatch(host::endsWith)) {
      throw reject("points to a local or metadata host");
    }
    if (resolver != null) {
      InetAddress[] addresses;
      try {
        addresses = resolver.resolve(host);
      } catch (UnknownHostException e) {
        throw reject("has a host that does not resolve");
      }
      if (addresses == null || addresses.length == 0) throw reject("has a host that does not resolve");
      for (InetAddress a : addresses) checkAddress(a.getAddress());
    }
    return uri;
  }

  /**
   * Checks a URL.
   *
   * @param url the URL
   * @return the URL
   * @throws InvalidRequestException (field {@code callbackUrl}) saying which rule the URL breaks
   */
  public URI check(URI url) {
    Objects.requireNonNull(url, "url == null");
    return check(url.toString());
  }

  private static String hostOf(String authority) {
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      return close < 0 ? authority : authority.substring(0, close + 1);
    }
    int colon = authority.lastIndexOf(':');
    return colon < 0 ? authority : authority.substring(0, colon);
  }

  private static void checkAddress(byte[] address) {
    String why = IpAddresses.nonPublicReason(address);
    if (why != null) throw reject("points to a " + why + " address");
  }

  private static InvalidRequestException reject(String why) {
    return new InvalidRequestException("Callback URL " + why + ": use a public http(s) URL of at most the allowed "
        + "length that the provider can reach from the internet", ErrorContext.none(), "callbackUrl");
  }

  @Override
  public String toString() {
    return "CallbackUrlPolicy{" + (httpsOnly ? "https" : "http(s)") + ", maxLength=" + maxLength
        + (resolver != null ? ", resolved" : "") + "}";
  }

  /** Builds a {@link CallbackUrlPolicy}; not thread-safe. */
  public static final class Builder {
    private boolean httpsOnly;
    private int maxLength = DEFAULT_MAX_LENGTH;
    private HostResolver resolver;

    private Builder() {}

    /**
     * Accepts https URLs only; default false (ssemble accepts http too).
     *
     * @return this
     */
    public Builder httpsOnly() {
      this.httpsOnly = true;
      return this;
    }

    /**
     * Sets the longest URL accepted; default {@value CallbackUrlPolicy#DEFAULT_MAX_LENGTH}.
     *
     * @param maxLength positive
     * @return this
     * @throws IllegalArgumentException if not positive
     */
    public Builder maxLength(int maxLength) {
      if (maxLength <= 0) throw new IllegalArgumentException("maxLength must be positive: " + maxLength);
      this.maxLength = maxLength;
      return this;
    }

    /**
     * Also resolves host names with the system resolver and rejects a name with any non-public
     * address (or none); default off. The check blocks the calling thread on DNS.
     *
     * @return this
     */
    public Builder resolveHosts() {
      return resolveHosts(InetAddress::getAllByName);
    }

    /**
     * Also resolves host names with the given resolver; default off.
     *
     * @param resolver the resolver
     * @return this
     */
    public Builder resolveHosts(HostResolver resolver) {
      this.resolver = Objects.requireNonNull(resolver, "resolver == null");
      return this;
    }

    /** @return the policy */
    public CallbackUrlPolicy build() {
      return new CallbackUrlPolicy(this);
    }
  }
}
