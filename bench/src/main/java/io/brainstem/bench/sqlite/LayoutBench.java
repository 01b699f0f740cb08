package io.brainstem.bench.sqlite;

import java.sql.*;
import java.util.*;

/**
 * The storage layout experiment behind ADR 12: inserts N realistic events into a fresh SQLite file as two
 * rows (envelope + event, the V3 schema) or one row, with no, text or integer-key secondary indexes, and
 * prints microseconds per event (the first fifth is warm-up, not counted).
 *
 * <pre>java -cp bench/target/classes:$(cat /tmp/cp.txt) io.brainstem.bench.sqlite.LayoutBench \
 *     two|one none|text|int TXN_EVENTS N DIR</pre>
 */
public class LayoutBench {
  public static void main(String[] a) throws Exception {
    String layout=a[0]; String idx=a[1]; int txn=Integer.parseInt(a[2]); int n=Integer.parseInt(a[3]); String dir=a[4];
    for (String s: new String[]{"","-wal","-shm"}) new java.io.File(dir+"/t.db"+s).delete();
    Connection c=DriverManager.getConnection("jdbc:sqlite:"+dir+"/t.db");
    Statement st=c.createStatement();
    st.execute("PRAGMA journal_mode=WAL"); st.execute("PRAGMA synchronous=NORMAL"); st.execute("PRAGMA cache_size=-32768");
    if (layout.equals("two")) {
    st.execute("CREATE TABLE env (id INTEGER PRIMARY KEY, tenant_id TEXT, source_type TEXT, source_id TEXT, source_name TEXT, source_path TEXT, timestamp TEXT, host TEXT, service TEXT, severity TEXT, asset_id TEXT, facility TEXT, message_raw TEXT, structured_fields TEXT, correlation_keys TEXT, metadata TEXT, received_at TEXT, status TEXT, failure_reason TEXT, parser_name TEXT, parser_version TEXT, attempts INTEGER, last_attempt_at TEXT)");
    st.execute("CREATE TABLE ev (id INTEGER PRIMARY KEY, tenant_id TEXT, source_type TEXT, source_id TEXT, source_path TEXT, timestamp TEXT, host TEXT, service TEXT, severity TEXT, facility TEXT, message TEXT, event_family TEXT, signature_id TEXT, structured_fields TEXT, field_sources TEXT, parser_name TEXT, parser_version TEXT, created_at TEXT)");
    if (idx.equals("text")) { st.execute("CREATE INDEX a ON env(status,id)"); st.execute("CREATE INDEX b ON ev(host,id)"); st.execute("CREATE INDEX c2 ON ev(service,id)"); }
    } else {
    st.execute("CREATE TABLE ev (id INTEGER PRIMARY KEY, tenant_id TEXT, status TEXT, received_at INTEGER, ts INTEGER, host TEXT, service TEXT, severity TEXT, signature_id TEXT, source_type TEXT, source_id TEXT, source_path TEXT, message_raw TEXT, message_at INTEGER, doc TEXT)");
    if (idx.equals("text")) { st.execute("CREATE INDEX a ON ev(status,id) WHERE status<>'canonicalized'"); st.execute("CREATE INDEX b ON ev(host,id)"); st.execute("CREATE INDEX c2 ON ev(service,id)"); }
    if (idx.equals("int")) { st.execute("ALTER TABLE ev ADD COLUMN host_k INTEGER"); st.execute("ALTER TABLE ev ADD COLUMN svc_k INTEGER"); st.execute("CREATE INDEX a ON ev(status,id) WHERE status<>'canonicalized'"); st.execute("CREATE INDEX b ON ev(host_k,id)"); st.execute("CREATE INDEX c2 ON ev(svc_k,id)"); }
    }
    c.setAutoCommit(false);
    Random r=new Random(1);
    String msg="Nov 25 01:12:13 fw-%d charon[1234]: 12[IKE] VPN tunnel %d for peer 10.1.%d.%d went down, reason dpd timeout";
    String[] ms=new String[n]; int[] hs=new int[n]; for(int q=0;q<n;q++){hs[q]=r.nextInt(500); ms[q]=String.format(msg,hs[q],r.nextInt(100),r.nextInt(255),r.nextInt(255));}
    long t0=0; int batch=500;
    PreparedStatement pe=null, pc=null;
    for (int i=0;i<n;i+=batch) {
      if (i==n/5) t0=System.nanoTime();
      if (layout.equals("two")) {
      pe=c.prepareStatement("INSERT INTO env VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
      pc=c.prepareStatement("INSERT INTO ev VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
      for (int j=0;j<batch;j++){ long id=i+j+1; int h=hs[(int)id-1]; String m=ms[(int)id-1];
        pe.setLong(1,id); Object[] v={"default","syslog","udp-1",null,"udp://127.0.0.1:5514","2026-11-25T01:12:13.000000Z",null,null,null,null,null,m,"{}","{}","{\"peer\":\"127.0.0.1\"}","2026-11-25T01:12:13.123456Z","canonicalized",null,"syslog","1",1,"2026-11-25T01:12:13.123456Z"};
        for(int k=0;k<v.length;k++) if (v[k]==null) pe.setNull(k+2,Types.VARCHAR); else if (v[k] instanceof String s) pe.setString(k+2,s); else pe.setInt(k+2,(Integer)v[k]); pe.addBatch();
        pc.setLong(1,id); Object[] w={"default","syslog","udp-1","udp://127.0.0.1:5514","2026-11-25T01:12:13.000000Z","fw-"+h,"charon","info","daemon",m.substring(16),"vpn","sig-"+Integer.toHexString(r.nextInt(40)),"{\"pid\":\"1234\"}","{\"host\":\"message\",\"service\":\"message\"}","syslog","1","2026-11-25T01:12:13.123456Z"};
        for(int k=0;k<w.length;k++) pc.setString(k+2,(String)w[k]); pc.addBatch(); }
      pe.executeBatch(); pc.executeBatch(); pe.close(); pc.close();
      } else {
      boolean ik=idx.equals("int");
      pc=c.prepareStatement(ik?"INSERT INTO ev VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)":"INSERT INTO ev VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
      for (int j=0;j<batch;j++){ long id=i+j+1; int h=hs[(int)id-1]; String m=ms[(int)id-1];
        pc.setLong(1,id); pc.setString(2,"default"); pc.setString(3,"canonicalized"); pc.setLong(4,1764033133123456L+id); pc.setLong(5,1764033133000000L);
        pc.setString(6,"fw-"+h); pc.setString(7,"charon"); pc.setString(8,"info"); pc.setString(9,"sig-"+Integer.toHexString(r.nextInt(40)));
        pc.setString(10,"syslog"); pc.setString(11,"udp-1"); pc.setString(12,"udp://127.0.0.1:5514"); pc.setString(13,m); pc.setInt(14,16);
        pc.setString(15,"{\"f\":\"daemon\",\"fam\":\"vpn\",\"sf\":{\"pid\":\"1234\"},\"src\":{\"host\":\"message\",\"service\":\"message\"},\"md\":{\"peer\":\"127.0.0.1\"}}");
        if (ik) { pc.setInt(16,h); pc.setInt(17,3); }
        pc.addBatch(); }
      pc.executeBatch(); pc.close();
      }
      if ((i+batch)%txn==0) c.commit();
    }
    c.commit();
    double us=(System.nanoTime()-t0)/1000.0/(n*0.8);
    System.out.printf("%s %s txn=%d: %.2f us/event, %.0f events/s, db %d MB%n", layout, idx, txn, us, 1e6/us, new java.io.File(dir+"/t.db").length()>>20);
  }
}
