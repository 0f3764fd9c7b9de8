package feeds_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"time"

	"akhbar/feeds"
)

func ExamplePoller() {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<rss version="2.0"><channel><title>تجربة</title>
<item><guid>1</guid><title>افتتاح جسر جديد في عمّان</title><description><![CDATA[<p>`+
			`افتتحت أمانة عمّان جسرًا جديدًا يربط شرق المدينة بغربها، بعد عامين من العمل. `+
			`وقال المهندس المسؤول إن الجسر يخفف الازدحام في ساعات الذروة ويختصر الطريق إلى وسط البلد. `+
			`وتبلغ كلفة المشروع نحو ثلاثين مليون دينار، وشارك في تنفيذه أكثر من مئتي عامل ومهندس. `+
			`ومن المتوقع أن يستخدمه خمسون ألف سائق يوميًا بحسب تقديرات الأمانة، التي وعدت بجسرين آخرين قبل نهاية العام المقبل.`+
			`</p>]]></description></item></channel></rss>`)
	}))
	defer ts.Close()
	p := feeds.NewPoller(feeds.Options{Sink: func(_ context.Context, it feeds.Item) error {
		fmt.Println(it.Title, it.Page)
		return nil
	}})
	f, err := p.Add(ts.URL+"/rss", 15*time.Minute)
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := p.Poll(context.Background(), f.ID); err != nil {
		fmt.Println(err)
		return
	}
	st, _ := p.Get(f.ID)
	fmt.Println(st.Items, st.ErrorCount)
	// Output:
	// افتتاح جسر جديد في عمّان false
	// 1 0
}
