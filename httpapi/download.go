package httpapi

import (
	"io"
	"net/http"
	"time"
)

// A download (an export) is written to the client as it is produced, so its memory does not
// grow with the data. The price: once the first byte has gone out, the status line has gone
// with it, and a failure can no longer become a problem document. streamDownload then logs
// the failure and aborts the response (http.ErrAbortHandler): the connection is cut without
// the final chunk, so the client sees a broken download — curl reports "transfer closed with
// outstanding read data remaining", a browser "failed" — instead of a truncated file that
// looks complete. A failure before the first byte is answered with its problem as usual.

// downloadIdle is how long a download may go without writing before the server gives up on
// it. The server's WriteTimeout (two minutes) bounds a whole answer, which would cut a large
// export that is still making progress; a download instead moves its deadline on as it
// writes.
const downloadIdle = 2 * time.Minute

// sentWriter notes whether anything was written through it and keeps the write deadline
// ahead of the last write.
type sentWriter struct {
	w        io.Writer
	rc       *http.ResponseController
	sent     int64
	extended time.Time
}

func (s *sentWriter) Write(p []byte) (int, error) {
	if now := time.Now(); s.rc != nil && now.Sub(s.extended) > time.Second {
		// Not supported by every writer (httptest's recorder): then the server's own
		// timeout stays.
		_ = s.rc.SetWriteDeadline(now.Add(downloadIdle))
		s.extended = now
	}
	n, err := s.w.Write(p)
	s.sent += int64(n)
	return n, err
}

// streamDownload runs write with the response body and handles its failure as described above.
func (s *Server) streamDownload(w http.ResponseWriter, r *http.Request, what string, write func(io.Writer) error) {
	sw := &sentWriter{w: w, rc: http.NewResponseController(w)}
	err := write(sw)
	if err == nil {
		return
	}
	if r.Context().Err() != nil {
		// The client went away; there is nobody to tell.
		s.log.Info().Err(err).Str("request_id", requestID(r.Context())).Int64("bytes", sw.sent).Msg(what + " cancelled by the client")
		return
	}
	if sw.sent == 0 {
		w.Header().Del("Content-Disposition")
		s.writeError(w, r, err)
		return
	}
	s.log.Error().Err(err).Str("request_id", requestID(r.Context())).Str("path", r.URL.Path).Int64("bytes", sw.sent).
		Msg(what + " failed after its first bytes; the response is aborted")
	panic(http.ErrAbortHandler)
}
