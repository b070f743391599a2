package reminders

import (
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/bwmarrin/discordgo"

	"github.com/ninebridges/ninebridges/facts"
)

// zoneNames are the time zones /reminders suggests while a name is typed.
// Go cannot list the zones of its embedded database, so this is a curated
// list: every inhabited region's main zones, with the Korean and Russian
// ones complete. Any other IANA name is accepted when typed out in full.
var zoneNames = []string{
	"UTC",
	// Korea and its neighbours
	"Asia/Seoul", "Asia/Pyongyang", "Asia/Tokyo", "Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei",
	"Asia/Ulaanbaatar", "Asia/Manila", "Asia/Singapore", "Asia/Kuala_Lumpur", "Asia/Jakarta",
	"Asia/Bangkok", "Asia/Ho_Chi_Minh", "Asia/Yangon", "Asia/Dhaka", "Asia/Kathmandu", "Asia/Kolkata",
	"Asia/Colombo", "Asia/Karachi", "Asia/Kabul", "Asia/Tashkent", "Asia/Almaty", "Asia/Bishkek",
	"Asia/Dushanbe", "Asia/Ashgabat", "Asia/Baku", "Asia/Tbilisi", "Asia/Yerevan", "Asia/Tehran",
	"Asia/Dubai", "Asia/Riyadh", "Asia/Qatar", "Asia/Baghdad", "Asia/Jerusalem", "Asia/Beirut",
	"Asia/Amman", "Asia/Damascus", "Europe/Istanbul",
	// Russia, west to east
	"Europe/Kaliningrad", "Europe/Moscow", "Europe/Kirov", "Europe/Volgograd", "Europe/Astrakhan",
	"Europe/Saratov", "Europe/Ulyanovsk", "Europe/Samara", "Asia/Yekaterinburg", "Asia/Omsk",
	"Asia/Novosibirsk", "Asia/Barnaul", "Asia/Tomsk", "Asia/Novokuznetsk", "Asia/Krasnoyarsk",
	"Asia/Irkutsk", "Asia/Chita", "Asia/Yakutsk", "Asia/Khandyga", "Asia/Vladivostok", "Asia/Ust-Nera",
	"Asia/Magadan", "Asia/Sakhalin", "Asia/Srednekolymsk", "Asia/Kamchatka", "Asia/Anadyr",
	// Europe
	"Europe/London", "Europe/Dublin", "Europe/Lisbon", "Europe/Madrid", "Europe/Paris", "Europe/Brussels",
	"Europe/Amsterdam", "Europe/Berlin", "Europe/Zurich", "Europe/Rome", "Europe/Vienna", "Europe/Prague",
	"Europe/Warsaw", "Europe/Budapest", "Europe/Belgrade", "Europe/Stockholm", "Europe/Oslo",
	"Europe/Copenhagen", "Europe/Helsinki", "Europe/Tallinn", "Europe/Riga", "Europe/Vilnius",
	"Europe/Minsk", "Europe/Kyiv", "Europe/Chisinau", "Europe/Bucharest", "Europe/Sofia", "Europe/Athens",
	// Americas
	"America/New_York", "America/Toronto", "America/Chicago", "America/Denver", "America/Phoenix",
	"America/Los_Angeles", "America/Vancouver", "America/Anchorage", "Pacific/Honolulu",
	"America/Halifax", "America/St_Johns", "America/Mexico_City", "America/Bogota", "America/Lima",
	"America/Caracas", "America/Santiago", "America/Argentina/Buenos_Aires", "America/Sao_Paulo",
	// Africa and Oceania
	"Africa/Cairo", "Africa/Casablanca", "Africa/Lagos", "Africa/Nairobi", "Africa/Johannesburg",
	"Australia/Perth", "Australia/Adelaide", "Australia/Brisbane", "Australia/Sydney", "Australia/Melbourne",
	"Pacific/Auckland", "Pacific/Guam", "Pacific/Fiji",
}

// zoneAliases are what people type for the zones this bot's readers use
// most: city and country names in the three languages, and abbreviations.
var zoneAliases = map[string]string{
	"seoul": "Asia/Seoul", "korea": "Asia/Seoul", "south korea": "Asia/Seoul", "kst": "Asia/Seoul",
	"서울": "Asia/Seoul", "한국": "Asia/Seoul", "대한민국": "Asia/Seoul", "сеул": "Asia/Seoul", "корея": "Asia/Seoul",
	"pyongyang": "Asia/Pyongyang", "평양": "Asia/Pyongyang", "пхеньян": "Asia/Pyongyang",
	"moscow": "Europe/Moscow", "msk": "Europe/Moscow", "russia": "Europe/Moscow", "모스크바": "Europe/Moscow",
	"москва": "Europe/Moscow", "мск": "Europe/Moscow", "россия": "Europe/Moscow", "러시아": "Europe/Moscow",
	"saint petersburg": "Europe/Moscow", "st petersburg": "Europe/Moscow", "санкт-петербург": "Europe/Moscow",
	"상트페테르부르크":    "Europe/Moscow",
	"vladivostok": "Asia/Vladivostok", "владивосток": "Asia/Vladivostok", "블라디보스토크": "Asia/Vladivostok",
	"khabarovsk": "Asia/Vladivostok", "хабаровск": "Asia/Vladivostok", "하바롭스크": "Asia/Vladivostok",
	"yuzhno-sakhalinsk": "Asia/Sakhalin", "южно-сахалинск": "Asia/Sakhalin", "сахалин": "Asia/Sakhalin",
	"사할린": "Asia/Sakhalin", "irkutsk": "Asia/Irkutsk", "иркутск": "Asia/Irkutsk", "이르쿠츠크": "Asia/Irkutsk",
	"новосибирск": "Asia/Novosibirsk", "노보시비르스크": "Asia/Novosibirsk", "екатеринбург": "Asia/Yekaterinburg",
	"калининград": "Europe/Kaliningrad", "якутск": "Asia/Yakutsk", "магадан": "Asia/Magadan",
	"камчатка": "Asia/Kamchatka", "петропавловск-камчатский": "Asia/Kamchatka", "красноярск": "Asia/Krasnoyarsk",
	"омск": "Asia/Omsk", "самара": "Europe/Samara", "казань": "Europe/Moscow",
	"tokyo": "Asia/Tokyo", "도쿄": "Asia/Tokyo", "токио": "Asia/Tokyo", "beijing": "Asia/Shanghai",
	"베이징": "Asia/Shanghai", "пекин": "Asia/Shanghai", "new york": "America/New_York", "뉴욕": "America/New_York",
	"нью-йорк": "America/New_York", "london": "Europe/London", "런던": "Europe/London", "лондон": "Europe/London",
	"utc": "UTC", "gmt": "UTC",
}

// defaultZones are suggested while the box is still empty, the reader's
// own language's zones first.
var defaultZones = map[facts.Lang][]string{
	facts.EN: {"UTC", "Asia/Seoul", "Europe/Moscow", "America/New_York", "Europe/London", "America/Los_Angeles", "Asia/Vladivostok", "Asia/Tokyo", "Europe/Berlin", "Australia/Sydney"},
	facts.KO: {"Asia/Seoul", "Asia/Vladivostok", "Europe/Moscow", "UTC", "Asia/Tokyo", "America/New_York", "America/Los_Angeles", "Europe/London", "Asia/Sakhalin", "Asia/Irkutsk"},
	facts.RU: {"Europe/Moscow", "Asia/Vladivostok", "Asia/Seoul", "Europe/Kaliningrad", "Asia/Yekaterinburg", "Asia/Novosibirsk", "Asia/Irkutsk", "Asia/Sakhalin", "UTC", "Europe/Samara"},
}

// defaultZone is the time zone a new subscription posts in when none is
// given: where most readers of its language live.
func defaultZone(lang facts.Lang) string {
	switch lang {
	case facts.KO:
		return "Asia/Seoul"
	case facts.RU:
		return "Europe/Moscow"
	}
	return "UTC"
}

// resolveZone turns what was typed into a valid IANA name and its location,
// or fails. It runs before any cron spec is built from the name: cron v3.0.1
// panics on some malformed "CRON_TZ=" values instead of returning an error,
// and a name with a space would change the spec's meaning. "Local" is
// refused because it means the server's zone, not the subscriber's.
func resolveZone(s string) (string, *time.Location, bool) {
	s = strings.TrimSpace(s)
	if s == "" || strings.EqualFold(s, "local") || strings.ContainsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '=' }) {
		if alias, ok := zoneAliases[strings.ToLower(strings.Join(strings.Fields(s), " "))]; ok {
			s = alias
		} else {
			return "", nil, false
		}
	}
	candidates := []string{s}
	if alias, ok := zoneAliases[strings.ToLower(s)]; ok {
		candidates = append(candidates, alias)
	}
	for _, z := range zoneNames {
		if strings.EqualFold(z, s) {
			candidates = append(candidates, z)
		}
	}
	for _, c := range candidates {
		if strings.EqualFold(c, "local") {
			continue
		}
		if loc, err := time.LoadLocation(c); err == nil {
			return c, loc, true
		}
	}
	return "", nil, false
}

// maxZoneChoices is how many zones autocomplete offers: Discord allows 25,
// ten are easier to scan.
const maxZoneChoices = 10

// completeZone suggests time zones for what has been typed: names and
// cities that start with it, then those containing it, then aliases.
func completeZone(input string, lang facts.Lang, now time.Time) []*discordgo.ApplicationCommandOptionChoice {
	q := strings.ToLower(strings.TrimSpace(input))
	var picks []string
	seen := map[string]bool{}
	add := func(z string) {
		if !seen[z] && len(picks) < maxZoneChoices {
			seen[z] = true
			picks = append(picks, z)
		}
	}
	if q == "" {
		for _, z := range defaultZones[lang] {
			add(z)
		}
	} else {
		q = strings.ReplaceAll(q, " ", "_")
		city := func(z string) string {
			l := strings.ToLower(z)
			return l[strings.LastIndex(l, "/")+1:]
		}
		for _, z := range zoneNames {
			if strings.HasPrefix(strings.ToLower(z), q) || strings.HasPrefix(city(z), q) {
				add(z)
			}
		}
		var aliases []string
		for a := range zoneAliases {
			aliases = append(aliases, a)
		}
		sort.Strings(aliases)
		plain := strings.ReplaceAll(q, "_", " ")
		for _, a := range aliases {
			if strings.HasPrefix(a, plain) {
				add(zoneAliases[a])
			}
		}
		for _, z := range zoneNames {
			if strings.Contains(strings.ToLower(z), q) {
				add(z)
			}
		}
		// A full name the list lacks is still a fine choice.
		if name, _, ok := resolveZone(input); ok {
			add(name)
		}
	}
	out := make([]*discordgo.ApplicationCommandOptionChoice, 0, len(picks))
	for _, z := range picks {
		out = append(out, &discordgo.ApplicationCommandOptionChoice{Name: zoneLabel(z, now), Value: z})
	}
	return out
}

// zoneLabel is "Asia/Seoul (UTC+09:00)", the offset as of now, so that a
// reader can tell summer time from winter time.
func zoneLabel(zone string, now time.Time) string {
	loc, err := time.LoadLocation(zone)
	if err != nil {
		return zone
	}
	_, off := now.In(loc).Zone()
	sign := '+'
	if off < 0 {
		sign, off = '-', -off
	}
	return fmt.Sprintf("%s (UTC%c%02d:%02d)", zone, sign, off/3600, off%3600/60)
}
