package sqlite

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// LockWriter takes the store's writer lock (a file PATH-writer.lock held
// with flock), so two ingests on one file do not run at once; the second
// gets an error naming the file and the holder's process id. The kernel
// drops the lock when the holder exits, even by kill -9.
func (d *DB) LockWriter() (func(), error) {
	path := d.path + "-writer.lock"
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("locking store %s: %w", d.path, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		holder, _ := os.ReadFile(path)
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			who := strings.TrimSpace(string(holder))
			if who != "" {
				who = " (process " + who + ")"
			}
			return nil, fmt.Errorf("store %s is being written by another ingest%s; wait for it to finish", d.path, who)
		}
		return nil, fmt.Errorf("locking store %s: %w", d.path, err)
	}
	f.Truncate(0)
	f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	return func() {
		f.Truncate(0)
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}
