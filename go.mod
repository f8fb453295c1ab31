module github.com/netzwerkatlas/netzwerkatlas

go 1.26.8

require (
	github.com/blevesearch/snowballstem v0.9.0
	github.com/google/btree v1.1.3
	github.com/google/go-cmp v0.7.0
	github.com/oklog/ulid/v2 v2.1.2
	github.com/paulmach/orb v0.14.0
	go.etcd.io/bbolt v1.5.0
	golang.org/x/text v0.43.0
)

require golang.org/x/sys v0.49.0 // indirect

// The frontend's npm dependencies live next to its Go embed package; keep the go tool out.
ignore ./frontend/node_modules
