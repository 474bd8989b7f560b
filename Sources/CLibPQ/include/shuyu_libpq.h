/* PostgreSQL's C client, loaded on first use (dlopen "libpq.so.5"), so that commands
   that never talk to a server do not pay for loading libpq and its TLS, Kerberos and
   LDAP libraries at start-up (about 6 ms per process here).

   The declarations follow libpq-fe.h; libpq.so.5's ABI has been stable since
   PostgreSQL 8.0. Call shuyu_pq_load first; the other functions require it. */
#ifndef SHUYU_LIBPQ_H
#define SHUYU_LIBPQ_H

#include <stddef.h>

typedef struct pg_conn PGconn;
typedef struct pg_result PGresult;
typedef unsigned int Oid;

enum {
    SHUYU_CONNECTION_OK = 0,
    SHUYU_PGRES_COMMAND_OK = 1,
    SHUYU_PGRES_TUPLES_OK = 2,
    SHUYU_PGRES_COPY_IN = 4,
};

/* Loads libpq; returns 0, or -1 with a message in `error`. */
int shuyu_pq_load(char *error, size_t size);

PGconn *shuyu_PQconnectdb(const char *conninfo);
int shuyu_PQstatus(const PGconn *conn);
char *shuyu_PQerrorMessage(const PGconn *conn);
void shuyu_PQfinish(PGconn *conn);
/* Discards server notices. */
void shuyu_PQignoreNotices(PGconn *conn);
int shuyu_PQsslInUse(PGconn *conn);
PGresult *shuyu_PQexec(PGconn *conn, const char *query);
PGresult *shuyu_PQexecParams(PGconn *conn, const char *command, int nParams, const Oid *paramTypes,
                             const char *const *paramValues, const int *paramLengths, const int *paramFormats,
                             int resultFormat);
void shuyu_PQclear(PGresult *res);
int shuyu_PQresultStatus(const PGresult *res);
char *shuyu_PQresultErrorField(const PGresult *res, int fieldcode);
char *shuyu_PQresultErrorMessage(const PGresult *res);
int shuyu_PQputCopyData(PGconn *conn, const char *buffer, int nbytes);
int shuyu_PQputCopyEnd(PGconn *conn, const char *errormsg);
PGresult *shuyu_PQgetResult(PGconn *conn);
int shuyu_PQntuples(const PGresult *res);
int shuyu_PQgetisnull(const PGresult *res, int tup_num, int field_num);
int shuyu_PQgetlength(const PGresult *res, int tup_num, int field_num);
char *shuyu_PQgetvalue(const PGresult *res, int tup_num, int field_num);

#endif
