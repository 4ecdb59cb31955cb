/* libFuzzer target: the workbook reader (engine/questionnaire/xlsx_read.c)
 * and the questionnaire workbook on top of it (qn_xlsx.c, bound against the
 * mining pack). An input is either
 *  - a zip archive as it is (it starts with "PK"): the zip layer, or
 *  - parts, "NAME\0CONTENT\0NAME\0CONTENT...", zipped here with correct
 *    checksums, so that mutations reach the XML instead of failing the CRC.
 * Every sheet of what opens is read, then the whole as a questionnaire. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <minizip/zip.h>

#include "lhost.h"
#include "qn.h"
#include "xlsx_read.h"

static const struct pack *mining(void)
{
	static struct lhost *h;
	static const struct pack *p;
	struct err e = { 0 };

	if (!h) {
		struct lhost_opts o = { 0 };

		h = lhost_new(&o, &e);
		if (!h || !(p = lhost_pack(h, "mining", &e)))
			abort();
	}
	return p;
}

/* ---- a zip written to memory ------------------------------------------- */

struct mem {
	unsigned char *buf;
	size_t len, cap, pos;
};

static voidpf m_open(voidpf opaque, const void *name, int mode)
{
	(void)name, (void)mode;
	return opaque;
}

static uLong m_read(voidpf opaque, voidpf stream, void *buf, uLong size)
{
	struct mem *m = stream;
	size_t n = m->pos < m->len ? m->len - m->pos : 0;

	(void)opaque;
	if (n > size)
		n = size;
	memcpy(buf, m->buf + m->pos, n);
	m->pos += n;
	return (uLong)n;
}

static uLong m_write(voidpf opaque, voidpf stream, const void *buf, uLong size)
{
	struct mem *m = stream;

	(void)opaque;
	if (m->pos + size > m->cap) {
		m->cap = (m->pos + size) * 2;
		m->buf = realloc(m->buf, m->cap);
		if (!m->buf)
			abort();
	}
	memcpy(m->buf + m->pos, buf, size);
	m->pos += size;
	if (m->pos > m->len)
		m->len = m->pos;
	return size;
}

static ZPOS64_T m_tell(voidpf opaque, voidpf stream)
{
	(void)opaque;
	return ((struct mem *)stream)->pos;
}

static long m_seek(voidpf opaque, voidpf stream, ZPOS64_T off, int origin)
{
	struct mem *m = stream;
	size_t base = origin == ZLIB_FILEFUNC_SEEK_CUR ? m->pos
		      : origin == ZLIB_FILEFUNC_SEEK_END ? m->len
							 : 0;

	(void)opaque;
	m->pos = base + (size_t)off;
	return 0;
}

static int m_close(voidpf opaque, voidpf stream)
{
	(void)opaque, (void)stream;
	return 0;
}

static int m_error(voidpf opaque, voidpf stream)
{
	(void)opaque, (void)stream;
	return 0;
}

/* NAME\0CONTENT pairs into a zip in m. */
static void zip_parts(const uint8_t *data, size_t size, struct mem *m)
{
	zlib_filefunc64_def io = { m_open, m_read, m_write, m_tell, m_seek, m_close, m_error, m };
	zipFile z = zipOpen2_64("mem", APPEND_STATUS_CREATE, NULL, &io);
	const uint8_t *p = data, *end = data + size;

	if (!z)
		return;
	while (p < end) {
		const uint8_t *name = p, *nul = memchr(p, 0, (size_t)(end - p)), *content, *cend;
		zip_fileinfo zi = { 0 };
		char nbuf[256];

		if (!nul)
			break;
		content = nul + 1;
		cend = content < end ? memchr(content, 0, (size_t)(end - content)) : NULL;
		if (!cend)
			cend = end;
		snprintf(nbuf, sizeof nbuf, "%.*s", (int)(nul - name), (const char *)name);
		if (zipOpenNewFileInZip64(z, nbuf, &zi, NULL, 0, NULL, 0, NULL, Z_DEFLATED, 1, 0) ==
		    ZIP_OK) {
			zipWriteInFileInZip(z, content, (unsigned)(cend - content));
			zipCloseFileInZip(z);
		}
		p = cend + 1;
	}
	zipClose(z, NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mem m = { 0 };
	const char *buf = (const char *)data;
	size_t len = size;
	struct err e = { 0 };
	struct xlsx *x;
	struct qn *q;

	if (size < 2 || memcmp(data, "PK", 2)) {
		zip_parts(data, size, &m);
		buf = (const char *)m.buf;
		len = m.len;
	}
	if (!buf) {
		free(m.buf);
		return 0;
	}
	if ((x = xlsx_open("fuzz.xlsx", buf, len, &e))) {
		for (int i = 0; i < xlsx_nsheets(x); i++) {
			const struct xlsx_sheet *s;
			char date[11];

			if (!xlsx_load_sheet(x, i, &s, &e))
				for (int k = 0; k < s->ncells; k++)
					if (s->cells[k].type == XLSX_NUMBER)
						xlsx_serial_date(x, s->cells[k].num, date);
		}
		xlsx_close(x);
	}
	if ((q = qn_parse_xlsx("fuzz.xlsx", buf, len, &e))) {
		qn_bind(q, mining(), &e);
		qn_free(q);
	}
	free(m.buf);
	return 0;
}
