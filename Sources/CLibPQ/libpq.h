/* PostgreSQL's C client (libpq-dev). Only the PostgresClient module imports it.
   libpq reads the connection URL, PGPASSWORD, PGSERVICE and ~/.pgpass itself, and
   uses TLS when the server offers it (sslmode=prefer). */
#include <libpq-fe.h>
