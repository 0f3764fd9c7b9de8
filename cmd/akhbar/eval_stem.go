package main

import (
	"context"
	"encoding/json"
	"fmt"
)

func runEvalStem(ctx context.Context, e *env, args []string) error {
	_ = ctx
	_ = json.Marshal
	return fmt.Errorf("not yet")
}
