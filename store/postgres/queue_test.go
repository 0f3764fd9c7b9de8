package postgres

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"akhbar/analysis"
	"akhbar/store"
	"akhbar/store/storetest"
)

func TestClaimSkipsLockedAndExpiresLeases(t *testing.T) {
	d, _, _ := openFresh(t)
	ctx := context.Background()
	var jobs []Job
	for i := range 10 {
		jobs = append(jobs, Job{Key: fmt.Sprintf("h:%02d", i), Kind: KindArticle, Payload: []byte("{}")})
	}
	if n, err := d.Enqueue(ctx, jobs); err != nil || n != 10 {
		t.Fatalf("Enqueue = %d, %v", n, err)
	}
	if n, err := d.Enqueue(ctx, jobs[:3]); err != nil || n != 0 {
		t.Fatalf("Enqueue again = %d, %v, want 0 new", n, err)
	}
	// Concurrent claims never hand one job to two workers.
	var mu sync.Mutex
	owner := map[string]string{}
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			name := fmt.Sprintf("w%d", w)
			for {
				got, err := d.Claim(ctx, name, KindArticle, 2, time.Minute, 5)
				if err != nil {
					t.Error(err)
					return
				}
				if len(got) == 0 {
					return
				}
				mu.Lock()
				for _, j := range got {
					if prev, ok := owner[j.Key]; ok {
						t.Errorf("job %s claimed by %s and %s", j.Key, prev, name)
					}
					owner[j.Key] = name
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if len(owner) != 10 {
		t.Fatalf("claimed %d jobs, want 10", len(owner))
	}
	// Leases held: nothing to claim. Expired leases (a dead worker): all
	// claimable again.
	if got, _ := d.Claim(ctx, "late", KindArticle, 100, time.Minute, 5); len(got) != 0 {
		t.Fatalf("claimed %d leased jobs", len(got))
	}
	if _, err := d.pool.Exec(ctx, `UPDATE jobs SET lease_until = now() - interval '1 second'`); err != nil {
		t.Fatal(err)
	}
	got, err := d.Claim(ctx, "heir", KindArticle, 100, time.Minute, 5)
	if err != nil || len(got) != 10 || got[0].Attempts != 2 {
		t.Fatalf("after expiry claimed %d (attempt %v), %v; want 10 on their second attempt", len(got), got, err)
	}
	// A job that used up its attempts is failed, not claimed.
	if _, err := d.pool.Exec(ctx, `UPDATE jobs SET lease_until = now() - interval '1 second', attempts = 5 WHERE key = 'h:00'`); err != nil {
		t.Fatal(err)
	}
	if got, _ := d.Claim(ctx, "x", KindArticle, 100, time.Minute, 5); len(got) != 0 {
		t.Fatalf("claimed %d", len(got))
	}
	qs, err := d.Queue(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) != 2 || qs[0].State != Failed || qs[0].Jobs != 1 || qs[1].Jobs != 9 || qs[1].Leased != 9 {
		t.Errorf("queue = %+v, want 1 failed and 9 leased", qs)
	}
}

func TestFinishStoresAndCompletesTogether(t *testing.T) {
	d, _, _ := openFresh(t)
	ctx := context.Background()
	docs := storetest.Fixtures()
	var jobs []Job
	var keys []string
	for _, a := range docs {
		k := KeyString(store.KeyOf(a.URL, a.Site, a.Text))
		keys = append(keys, k)
		jobs = append(jobs, Job{Key: k, Kind: KindArticle, Payload: []byte("{}")})
	}
	if _, err := d.Enqueue(ctx, jobs); err != nil {
		t.Fatal(err)
	}
	// A failing transaction (a nil analysis) stores nothing and finishes
	// nothing.
	bad := append(append([]*analysis.Analysis{}, docs[:4]...), nil)
	if _, err := d.Finish(ctx, keys, bad, store.PutOptions{}); err == nil {
		t.Fatal("Finish with a nil analysis succeeded")
	}
	if n, _ := d.Pending(ctx, KindArticle); n != 5 {
		t.Fatalf("after a failed Finish %d pending, want 5", n)
	}
	if st, _ := d.Stats(ctx); st.Articles != 0 {
		t.Fatalf("after a failed Finish %d articles stored", st.Articles)
	}
	res, err := d.Finish(ctx, keys, docs, store.PutOptions{})
	if err != nil || res.Count(store.Stored) != 5 {
		t.Fatalf("Finish = %+v, %v", res, err)
	}
	if n, _ := d.Pending(ctx, KindArticle); n != 0 {
		t.Fatalf("%d pending after Finish", n)
	}
}

// TestConcurrentPutsStoreOnce: writers racing on the same articles store
// each once.
func TestConcurrentPutsStoreOnce(t *testing.T) {
	d, _, _ := openFresh(t)
	ctx := context.Background()
	var wg sync.WaitGroup
	stored := make([]int, 6)
	for w := range 6 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			docs := storetest.Fixtures()
			if w%2 == 1 { // another order
				for i, j := 0, len(docs)-1; i < j; i, j = i+1, j-1 {
					docs[i], docs[j] = docs[j], docs[i]
				}
			}
			for try := 0; ; try++ {
				res, err := d.Put(ctx, docs, store.PutOptions{})
				if err == nil {
					stored[w] = res.Count(store.Stored)
					return
				}
				if try == 5 {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	total := 0
	for _, n := range stored {
		total += n
	}
	st, err := d.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if total != 5 || st.Articles != 5 {
		t.Errorf("6 racing writers stored %d (store has %d), want 5", total, st.Articles)
	}
}
