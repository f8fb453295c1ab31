package httpapi

import (
	"io"
	"net/http"
	"time"

	"github.com/gorilla/mux"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/msg"
)

// registerBackupRoutes adds the backup download (admins only).
func (s *Server) registerBackupRoutes(r *mux.Router) {
	r.HandleFunc(apiPrefix+"/admin/backup", s.handleBackup).Methods(http.MethodGet)
}

// backupWriteWindow is how long one write of a backup download may take: the download as a
// whole may take longer than the server's write timeout, a stalled client may not.
const backupWriteWindow = 2 * time.Minute

// handleBackup serves GET /api/v1/admin/backup: a consistent copy of the whole store as a
// download, taken while the service keeps serving (graph.Backuper). Every write acknowledged
// before the request arrived is in it. Stores that cannot copy themselves (Neo4j) answer 501
// pointing to their own tools.
func (s *Server) handleBackup(w http.ResponseWriter, r *http.Request) {
	p, ok := s.requireUser(w, r)
	if !ok {
		return
	}
	if !p.user.Admin {
		s.writeError(w, r, &graph.Error{Code: graph.EFORBIDDEN, Message: "backups are for admins"})
		return
	}
	if s.backup == nil {
		const text = "this store cannot be backed up through the service; back up Neo4j with neo4j-admin database dump (README, Sicherung und Wiederherstellung)"
		w.Header().Set("Vary", "Accept-Language")
		writeProblem(w, problem{Type: problemType("not_implemented"), Title: http.StatusText(http.StatusNotImplemented),
			Status: http.StatusNotImplemented, Detail: msg.For(readerLang(r)).Literal(text), Instance: r.URL.Path, RequestID: requestID(r.Context())})
		return
	}
	name := s.backup.BackupName(time.Now())
	dw := &download{w: w, rc: http.NewResponseController(w), start: func(h http.Header) {
		h.Set("Content-Type", "application/gzip")
		h.Set("Content-Disposition", `attachment; filename="`+name+`"`)
		h.Set("Cache-Control", "no-store")
		h.Set("X-Content-Type-Options", "nosniff")
	}}
	if err := s.backup.Backup(r.Context(), dw); err != nil {
		if !dw.started {
			s.writeError(w, r, err)
			return
		}
		// The status is sent: break the connection so the client sees no complete download.
		s.log.Error().Err(err).Str("request_id", requestID(r.Context())).Msg("backup download failed")
		panic(http.ErrAbortHandler)
	}
}

// download sends its headers with the first byte, so an error before it can still be a
// problem document, and gives each write its own deadline.
type download struct {
	w       http.ResponseWriter
	rc      *http.ResponseController
	start   func(http.Header)
	started bool
}

var _ io.Writer = (*download)(nil)

func (d *download) Write(p []byte) (int, error) {
	if !d.started {
		d.started = true
		d.start(d.w.Header())
		d.w.WriteHeader(http.StatusOK)
	}
	// Not every writer lets the deadline move; then the server's write timeout stands.
	_ = d.rc.SetWriteDeadline(time.Now().Add(backupWriteWindow))
	return d.w.Write(p)
}
