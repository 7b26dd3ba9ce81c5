//! Egress policy, checked before every request and every redirect hop:
//! http(s) only, and no loopback, private or link-local destinations
//! unless the host allows them.
//!
//! Limitation: inside the sandbox there is no DNS, so a public name that
//! resolves to a private address cannot be caught here; literal addresses
//! and local-only names are.

use std::net::{Ipv4Addr, Ipv6Addr};

use url::{Host, Url};

use crate::model::{Error, PolicyReason};

/// Host names that only ever mean this machine or the local network.
const LOCAL_SUFFIXES: &[&str] = &[".localhost", ".local", ".internal", ".lan", ".home.arpa", ".intranet", ".corp"];

pub fn check(url: &Url, allow_private: bool) -> Result<(), Error> {
    if !matches!(url.scheme(), "http" | "https") {
        return Err(refuse(PolicyReason::Scheme, url, format!("scheme {:?} is not http or https", url.scheme())));
    }
    let private = match url.host() {
        None => return Err(Error::InvalidUrl(format!("{url}: no host"))),
        Some(Host::Ipv4(ip)) => is_private_v4(ip),
        Some(Host::Ipv6(ip)) => is_private_v6(ip),
        Some(Host::Domain(d)) => {
            let d = d.trim_end_matches('.').to_ascii_lowercase();
            d == "localhost" || LOCAL_SUFFIXES.iter().any(|s| d.ends_with(s)) || !d.contains('.')
        }
    };
    if private && !allow_private {
        return Err(refuse(
            PolicyReason::PrivateAddress,
            url,
            format!("{} is a loopback, private or link-local destination (allow_private_network is off)", url.host_str().unwrap_or("")),
        ));
    }
    Ok(())
}

fn refuse(reason: PolicyReason, url: &Url, message: String) -> Error {
    Error::Policy { reason, url: url.to_string(), message }
}

fn is_private_v4(ip: Ipv4Addr) -> bool {
    let o = ip.octets();
    ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_unspecified()
        || ip.is_broadcast()
        || ip.is_multicast()
        || o[0] == 0
        || (o[0] == 100 && (64..128).contains(&o[1])) // carrier-grade NAT
        || (o[0] == 198 && (o[1] == 18 || o[1] == 19)) // benchmarking
        || o[0] >= 240
}

fn is_private_v6(ip: Ipv6Addr) -> bool {
    if let Some(v4) = ip.to_ipv4_mapped() {
        return is_private_v4(v4);
    }
    let s = ip.segments();
    ip.is_loopback()
        || ip.is_unspecified()
        || ip.is_multicast()
        || (s[0] & 0xfe00) == 0xfc00 // unique local
        || (s[0] & 0xffc0) == 0xfe80 // link-local
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocked(u: &str) -> bool {
        check(&Url::parse(u).unwrap(), false).is_err()
    }

    #[test]
    fn refuses_local_destinations() {
        for u in [
            "http://127.0.0.1/",
            "http://localhost:8080/",
            "http://10.1.2.3/",
            "http://192.168.0.1/",
            "http://172.16.5.4/",
            "http://169.254.169.254/latest/meta-data",
            "http://[::1]/",
            "http://[fd00::1]/",
            "http://[::ffff:127.0.0.1]/",
            "http://0.0.0.0/",
            "http://2130706433/",
            "http://printer.local/",
            "http://intranet/",
            "file:///etc/passwd",
            "ftp://example.com/",
        ] {
            assert!(blocked(u), "{u} should be refused");
        }
    }

    #[test]
    fn allows_public_and_opt_in() {
        assert!(!blocked("https://example.com/"));
        assert!(!blocked("http://93.184.216.34/"));
        assert!(check(&Url::parse("http://127.0.0.1:9/").unwrap(), true).is_ok());
        assert!(check(&Url::parse("file:///x").unwrap(), true).is_err());
    }
}
