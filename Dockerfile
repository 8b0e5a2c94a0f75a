# morgue on Debian 12: the same `make deps` and build as a plain checkout, nothing more.
FROM debian:12-slim
WORKDIR /src
COPY . .
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends make ca-certificates \
 && make deps \
 && cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMORGUE_BUILD_TESTS=OFF \
 && cmake --build build -j"$(nproc)" \
 && cmake --install build --prefix /usr/local \
 && rm -rf /var/lib/apt/lists/*
# The index lives on a volume; morgued serves it, morgue-index (make -f Makefile.docker index) fills it.
VOLUME /data
EXPOSE 8080
ENTRYPOINT ["morgued", "--db", "/data/index", "--listen", "0.0.0.0:8080"]
