package org.opentld.registry.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentld.registry.error.RegistryException;
import org.opentld.registry.error.ResultCode;

class IpAddressesTest {

  private static ResultCode codeOf(String literal) {
    try {
      IpAddresses.normalise(literal);
      return ResultCode.SUCCESS;
    } catch (RegistryException e) {
      return e.code();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "8.8.8.8",
        "1.1.1.1",
        "193.0.14.129",
        "100.63.255.255",
        "100.128.0.0",
        "172.15.255.255",
        "172.32.0.0",
        "192.0.3.1",
        "192.169.0.1",
        "223.255.255.254",
        "2001:4860:4860::8888",
        "2a00:1450:4001:80b::200e",
        "2001:dba::1",
        "3fff:1000::1"
      })
  void success_routableUnicastIsAccepted(String literal) {
    assertThat(codeOf(literal)).isEqualTo(ResultCode.SUCCESS);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // private, CGNAT, loopback, link-local, unspecified, broadcast, multicast, documentation
        "10.0.0.1",
        "10.255.255.255",
        "172.16.0.1",
        "172.31.255.255",
        "192.168.1.1",
        "100.64.0.1",
        "100.127.255.255",
        "127.0.0.1",
        "169.254.10.10",
        "0.0.0.0",
        "255.255.255.255",
        "224.0.0.1",
        "239.255.255.255",
        "240.0.0.1",
        "192.0.2.1",
        "198.51.100.7",
        "203.0.113.200",
        "198.18.0.1",
        "192.0.0.8",
        "::",
        "::1",
        "fe80::1",
        "febf:ffff::1",
        "fc00::1",
        "fd12:3456::1",
        "ff02::1",
        "2001:db8::1",
        "2001:db8:ffff::1",
        "3fff::1",
        "::ffff:8.8.8.8",
        "::8.8.8.8",
        "4000::1"
      })
  void failure_nonRoutableIs2004(String literal) {
    assertThat(codeOf(literal)).isEqualTo(ResultCode.PARAMETER_VALUE_RANGE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "example.com",
        "localhost",
        "1",
        "1.2.3",
        "8.8.8.8.8",
        "256.1.1.1",
        "08.8.8.8",
        "8.8.8.010",
        "0x8.8.8.8",
        " 1.2.3.4x",
        "1:2",
        "2001:db8::1::1",
        "2001:4860::g",
        "fe80::1%eth0",
        "[2001:4860::1]",
        "12345::1",
        "1.2.3.4/24"
      })
  void failure_malformedIs2005WithoutDns(String literal) {
    assertThat(codeOf(literal)).isEqualTo(ResultCode.PARAMETER_VALUE_SYNTAX);
  }

  @Test
  void failure_nullIs2005() {
    assertThatThrownBy(() -> IpAddresses.normalise(null))
        .isInstanceOf(RegistryException.ValueSyntax.class);
  }

  @Test
  void success_ipv6IsWrittenInRfc5952Form() {
    assertThat(IpAddresses.normalise("2001:4860:0000:0000:0000:0000:0000:8888"))
        .isEqualTo("2001:4860::8888");
    assertThat(IpAddresses.normalise("2A00:1450:4001:080B:0:0:0:200E"))
        .isEqualTo("2a00:1450:4001:80b::200e");
    // A single zero group is not shortened; of two equal runs the first is.
    assertThat(IpAddresses.normalise("2001:4860:0:1:1:1:1:1")).isEqualTo("2001:4860:0:1:1:1:1:1");
    assertThat(IpAddresses.normalise("2001:4860:0:0:1:0:0:1")).isEqualTo("2001:4860::1:0:0:1");
    assertThat(IpAddresses.normalise("2001:4860:1:0:0:0:1:0")).isEqualTo("2001:4860:1::1:0");
    assertThat(IpAddresses.canonical("::")).isEqualTo("::");
    assertThat(IpAddresses.canonical("fe80:0::")).isEqualTo("fe80::");
    assertThat(IpAddresses.canonical("::ffff:10.0.0.1")).isEqualTo("::ffff:a00:1");
  }

  @Test
  void success_ipv4IsTrimmedDottedQuad() {
    assertThat(IpAddresses.normalise(" 8.8.4.4 ")).isEqualTo("8.8.4.4");
    assertThat(IpAddresses.canonical("10.0.0.1")).isEqualTo("10.0.0.1");
  }

  @Test
  void success_normaliseAllDropsRepeatsAndSplitsByFamily() {
    var all =
        IpAddresses.normaliseAll(
            List.of(
                "2001:4860::8888", "8.8.8.8", "2001:4860:0:0:0:0:0:8888", "8.8.8.8", "1.1.1.1"));
    assertThat(all).containsExactly("2001:4860::8888", "8.8.8.8", "1.1.1.1");
    IpAddresses.Split split = IpAddresses.split(all);
    assertThat(split.v4()).containsExactly("8.8.8.8", "1.1.1.1");
    assertThat(split.v6()).containsExactly("2001:4860::8888");
    assertThat(split.size()).isEqualTo(3);
  }
}
