//! What a client learns about sites that outlives one engine call: each
//! origin's robots.txt, and when it may next be sent a request (its
//! Crawl-delay turns, a Retry-After hold). The
//! component keeps one `SiteMemory` per instance, and a host reuses an
//! instance from call to call (the Python host keeps one per thread), so a
//! loop of `extract` calls asks a site for robots.txt once, not before
//! every page, and its Crawl-delay spaces the calls as it spaces the
//! requests of one crawl.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::time::Duration;

use crate::crawl::robots::Robots;

/// How long a robots.txt is trusted. RFC 9309 allows up to 24 hours; a
/// long-lived client should see a site's changed rules sooner, and one
/// request an hour per site costs nothing.
pub const ROBOTS_TTL: Duration = Duration::from_secs(60 * 60);

/// Sites remembered at most; past it the oldest robots.txt is forgotten
/// (a crawl across many sites must not grow the instance without bound).
pub const MAX_REMEMBERED_SITES: usize = 256;

/// Whose robots.txt: the same origin may answer another user agent
/// otherwise (and its rules name agents), and one fetched while private
/// addresses were refused was never really fetched.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct RobotsKey {
    pub origin: String,
    pub user_agent: String,
    pub allow_private_network: bool,
}

#[derive(Default)]
pub struct SiteMemory {
    /// robots.txt per key, with when it was fetched. Shared, not copied:
    /// it is asked about every request and every link a spider finds.
    robots: RefCell<HashMap<RobotsKey, (Rc<Robots>, Duration)>>,
    /// When each origin that asks for a Crawl-delay may next be sent a
    /// request, whoever asks.
    next_turn: RefCell<HashMap<String, Duration>>,
    /// Until when each origin that said to come back later (Retry-After)
    /// is sent nothing.
    held_until: RefCell<HashMap<String, Duration>>,
}

impl SiteMemory {
    /// The robots.txt remembered for `key`, unless older than `ROBOTS_TTL`.
    pub fn robots(&self, key: &RobotsKey, now: Duration) -> Option<Rc<Robots>> {
        let robots = self.robots.borrow();
        let (rules, fetched_at) = robots.get(key)?;
        (now.saturating_sub(*fetched_at) < ROBOTS_TTL).then(|| rules.clone())
    }

    pub fn remember_robots(&self, key: RobotsKey, robots: Rc<Robots>, now: Duration) {
        let mut remembered = self.robots.borrow_mut();
        if remembered.len() >= MAX_REMEMBERED_SITES && !remembered.contains_key(&key) {
            remembered.retain(|_, (_, fetched_at)| now.saturating_sub(*fetched_at) < ROBOTS_TTL);
            if remembered.len() >= MAX_REMEMBERED_SITES {
                let oldest = remembered.iter().min_by_key(|(_, (_, fetched_at))| *fetched_at).map(|(k, _)| k.clone());
                if let Some(oldest) = oldest {
                    remembered.remove(&oldest);
                }
            }
        }
        remembered.insert(key, (robots, now));
    }

    /// Hold the origin's requests for `wait` from `now` (a server said to
    /// come back later).
    pub fn hold(&self, origin: &str, wait: Duration, now: Duration) {
        let until = now + wait;
        let mut holds = self.held_until.borrow_mut();
        if holds.len() >= MAX_REMEMBERED_SITES && !holds.contains_key(origin) {
            holds.retain(|_, held| *held > now);
        }
        let held = holds.entry(origin.to_string()).or_insert(until);
        *held = (*held).max(until);
    }

    /// Until when the origin is held, if that is after `now`.
    pub fn held_until(&self, origin: &str, now: Duration) -> Option<Duration> {
        self.held_until.borrow().get(origin).copied().filter(|&until| until > now)
    }

    /// Take the origin's next turn for a request: the returned time (not
    /// before `now`), with the turn after it `delay` later. Turns are
    /// handed out as requests start, so concurrent requests space out too.
    pub fn take_turn(&self, origin: &str, delay: Duration, now: Duration) -> Duration {
        let mut turns = self.next_turn.borrow_mut();
        if turns.len() >= MAX_REMEMBERED_SITES && !turns.contains_key(origin) {
            // Turns in the past hold nobody back.
            turns.retain(|_, next| *next > now);
        }
        let next = turns.entry(origin.to_string()).or_insert(now);
        let turn = (*next).max(now);
        *next = turn + delay;
        turn
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(origin: &str) -> RobotsKey {
        RobotsKey { origin: origin.into(), user_agent: "riptide".into(), allow_private_network: false }
    }

    #[test]
    fn robots_are_remembered_for_their_key_until_they_expire() {
        let memory = SiteMemory::default();
        let disallowing = Rc::new(Robots::disallow_all());
        memory.remember_robots(key("https://a.test"), disallowing.clone(), Duration::from_secs(10));
        assert_eq!(memory.robots(&key("https://a.test"), Duration::from_secs(20)), Some(disallowing));
        assert_eq!(memory.robots(&key("https://b.test"), Duration::from_secs(20)), None);
        let other_agent = RobotsKey { user_agent: "otherbot".into(), ..key("https://a.test") };
        assert_eq!(memory.robots(&other_agent, Duration::from_secs(20)), None);
        assert_eq!(memory.robots(&key("https://a.test"), Duration::from_secs(10) + ROBOTS_TTL), None, "expired");
    }

    #[test]
    fn the_oldest_site_is_forgotten_past_the_limit() {
        let memory = SiteMemory::default();
        for k in 0..MAX_REMEMBERED_SITES {
            memory.remember_robots(key(&format!("https://{k}.test")), Rc::default(), Duration::from_secs(k as u64));
        }
        memory.remember_robots(key("https://new.test"), Rc::default(), Duration::from_secs(1000));
        let now = Duration::from_secs(1001);
        assert!(memory.robots(&key("https://0.test"), now).is_none());
        assert!(memory.robots(&key("https://1.test"), now).is_some());
        assert!(memory.robots(&key("https://new.test"), now).is_some());
        assert_eq!(memory.robots.borrow().len(), MAX_REMEMBERED_SITES);
    }

    #[test]
    fn turns_are_spaced_by_the_delay_and_never_in_the_past() {
        let memory = SiteMemory::default();
        let (delay, at) = (Duration::from_secs(3), Duration::from_secs);
        assert_eq!(memory.take_turn("https://a.test", delay, at(0)), at(0));
        assert_eq!(memory.take_turn("https://a.test", delay, at(1)), at(3));
        assert_eq!(memory.take_turn("https://b.test", delay, at(1)), at(1), "another site has its own turns");
        assert_eq!(memory.take_turn("https://a.test", delay, at(20)), at(20));
    }

    #[test]
    fn a_hold_lasts_until_its_time() {
        let memory = SiteMemory::default();
        let at = Duration::from_secs;
        memory.hold("https://a.test", at(25), at(5));
        memory.hold("https://a.test", at(10), at(10));
        assert_eq!(memory.held_until("https://a.test", at(10)), Some(at(30)), "the later hold stands");
        assert_eq!(memory.held_until("https://a.test", at(30)), None);
        assert_eq!(memory.held_until("https://b.test", at(10)), None);
    }
}
