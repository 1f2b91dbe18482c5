package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// request is one GraphQL request a client sends.
type request struct {
	body []byte
}

// outcome is what a response meant: whether it counts as a success, and for recordings how
// many sessions it recorded and the codes of those refused.
type outcome struct {
	ok       bool
	errCode  string // why not ok: HTTP status or the first error's code
	recorded int
	refused  map[string]int
}

// target is a GraphQL server under load.
type target struct {
	name  string
	url   string
	token func(client int) string // client's bearer token; nil: none
	pid   int                     // the server process, for its memory
}

// roundResult is one round of one system at one client count.
type roundResult struct {
	requests  int
	errors    map[string]int
	recorded  int
	refused   map[string]int
	seconds   float64
	latencies []time.Duration
	rssPeak   int64 // bytes; 0 if not measured
	stmts     int64 // SQL statements executed in the round (pg_stat_statements)
}

func (r roundResult) rps() float64 { return float64(r.requests) / r.seconds }

func (r roundResult) percentile(p float64) time.Duration {
	if len(r.latencies) == 0 {
		return 0
	}
	i := int(float64(len(r.latencies)-1) * p)
	return r.latencies[i]
}

// newHTTPClient keeps one connection a client alive, and sends no Accept-Encoding so that
// neither server spends time compressing.
func newHTTPClient(clients int) *http.Client {
	return &http.Client{
		Timeout: 60 * time.Second,
		Transport: &http.Transport{
			DialContext:         (&net.Dialer{Timeout: 5 * time.Second}).DialContext,
			MaxIdleConns:        clients * 2,
			MaxIdleConnsPerHost: clients * 2,
			DisableCompression:  true,
			IdleConnTimeout:     90 * time.Second,
		},
	}
}

// post sends one request and reads the whole answer.
func post(ctx context.Context, c *http.Client, t *target, client int, body []byte) (int, []byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, t.url, bytes.NewReader(body))
	if err != nil {
		return 0, nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	if t.token != nil {
		req.Header.Set("Authorization", "Bearer "+t.token(client))
	}
	resp, err := c.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	return resp.StatusCode, data, err
}

// gqlErrors reads the first error's code (extensions.code, else its message) of a response.
func gqlErrors(data []byte) string {
	var r struct {
		Errors []struct {
			Message    string `json:"message"`
			Extensions struct {
				Code string `json:"code"`
			} `json:"extensions"`
		} `json:"errors"`
	}
	if json.Unmarshal(data, &r) != nil {
		return "BAD_JSON"
	}
	if len(r.Errors) == 0 {
		return ""
	}
	if r.Errors[0].Extensions.Code != "" {
		return r.Errors[0].Extensions.Code
	}
	msg := r.Errors[0].Message
	if len(msg) > 60 {
		msg = msg[:60]
	}
	return msg
}

// readOutcome is the default check: HTTP 200 and no GraphQL errors.
func readOutcome(status int, data []byte) outcome {
	if status != http.StatusOK {
		if code := gqlErrors(data); code != "" && code != "BAD_JSON" {
			return outcome{errCode: fmt.Sprintf("HTTP %d %s", status, code)}
		}
		return outcome{errCode: fmt.Sprintf("HTTP %d", status)}
	}
	if code := gqlErrors(data); code != "" {
		return outcome{errCode: code}
	}
	return outcome{ok: true}
}

// runLoad runs a closed loop: clients each send a request, wait for its answer, and send the
// next, for warmup (not counted) and then for d. build makes client i's n-th request; check
// reads an answer.
func runLoad(ctx context.Context, t *target, clients int, warmup, d time.Duration,
	build func(client, n int) request, check func(status int, data []byte) outcome) roundResult {
	hc := newHTTPClient(clients)
	defer hc.CloseIdleConnections()
	var mu sync.Mutex
	res := roundResult{errors: map[string]int{}, refused: map[string]int{}}
	start := time.Now()
	measureFrom := start.Add(warmup)
	end := measureFrom.Add(d)
	roundEnd := end

	stopRSS := make(chan struct{})
	rssDone := make(chan int64)
	go func() { rssDone <- sampleRSS(t.pid, stopRSS) }()

	var wg sync.WaitGroup
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func(c int) {
			defer wg.Done()
			var lat []time.Duration
			errs := map[string]int{}
			refused := map[string]int{}
			n, recorded := 0, 0
			lastDone := end
			for i := 0; ; i++ {
				sent := time.Now()
				if !sent.Before(end) || ctx.Err() != nil {
					break
				}
				req := build(c, i)
				status, data, err := post(ctx, hc, t, c, req.body)
				done := time.Now()
				var o outcome
				if err != nil {
					o = outcome{errCode: "transport: " + shortErr(err)}
				} else {
					o = check(status, data)
				}
				// A request counts when its answer arrives after the warm-up, even if it was
				// sent during it. No request is sent after the end, but those in flight then
				// are waited for and counted, and the round lasts until the last answer: a
				// request slower than the round (a region tree at 32 clients) would
				// otherwise never count.
				if done.Before(measureFrom) {
					continue
				}
				if done.After(lastDone) {
					lastDone = done
				}
				n++
				lat = append(lat, done.Sub(sent))
				recorded += o.recorded
				for k, v := range o.refused {
					refused[k] += v
				}
				if !o.ok {
					errs[o.errCode]++
				}
			}
			mu.Lock()
			if lastDone.After(roundEnd) {
				roundEnd = lastDone
			}
			res.requests += n
			res.recorded += recorded
			res.latencies = append(res.latencies, lat...)
			for k, v := range errs {
				res.errors[k] += v
			}
			for k, v := range refused {
				res.refused[k] += v
			}
			mu.Unlock()
		}(c)
	}
	wg.Wait()
	close(stopRSS)
	res.rssPeak = <-rssDone
	res.seconds = roundEnd.Sub(measureFrom).Seconds()
	sort.Slice(res.latencies, func(i, j int) bool { return res.latencies[i] < res.latencies[j] })
	return res
}

func shortErr(err error) string {
	s := err.Error()
	if i := strings.LastIndex(s, ": "); i >= 0 {
		s = s[i+2:]
	}
	return s
}

// sampleRSS returns the largest resident set of pid (and its children: PostGraphile's
// cluster workers) seen every 50 ms until stop closes.
func sampleRSS(pid int, stop chan struct{}) int64 {
	if pid == 0 {
		<-stop
		return 0
	}
	var peak int64
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for {
		if rss := treeRSS(pid); rss > peak {
			peak = rss
		}
		select {
		case <-stop:
			return peak
		case <-tick.C:
		}
	}
}

func treeRSS(pid int) int64 {
	total := rssOf(pid)
	children, _ := os.ReadFile(fmt.Sprintf("/proc/%d/task/%d/children", pid, pid))
	for _, f := range strings.Fields(string(children)) {
		if c, err := strconv.Atoi(f); err == nil {
			total += treeRSS(c)
		}
	}
	return total
}

func rssOf(pid int) int64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return kb * 1024
		}
	}
	return 0
}

func loadAvg() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	f := strings.Fields(string(data))
	if len(f) < 3 {
		return "?"
	}
	return strings.Join(f[:3], " ")
}
