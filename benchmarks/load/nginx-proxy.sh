# Sourced by load.sh and gateway-ab.sh: nginx in front of case-service the way a plain reverse proxy
# would be (a keep-alive upstream), so both compare the gateway with the same nginx.

# start_nginx_proxy DIR PORT UPSTREAM_PORT: writes DIR/nginx.conf, starts nginx, waits for its pid file.
start_nginx_proxy() {
  local dir=$1 port=$2 upstream=$3
  mkdir -p "$dir/logs"
  cat >"$dir/nginx.conf" <<NGINX
worker_processes auto;
pid $dir/nginx.pid;
error_log $dir/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  upstream case_service {
    server 127.0.0.1:$upstream;
    keepalive 32;
  }
  server {
    listen 127.0.0.1:$port;
    location / {
      proxy_pass http://case_service;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
    }
  }
}
NGINX
  nginx -p "$dir" -c "$dir/nginx.conf"
  for _ in 1 2 3 4 5 6 7 8 9 10; do [[ -s "$dir/nginx.pid" ]] && break; sleep 0.5; done
}
