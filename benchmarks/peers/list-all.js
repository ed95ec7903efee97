// Lists every server of PTERO_URL/PTERO_TOKEN with one npm peer and prints how many came back.
// usage: node list-all.js nodeactyl|jspteroapi
const [peer] = process.argv.slice(2);
const url = process.env.PTERO_URL, key = process.env.PTERO_TOKEN;

async function main() {
  if (peer === 'nodeactyl') {
    const { NodeactylClient } = require('nodeactyl');
    const servers = await new NodeactylClient(url, key).getAllServers();
    return (servers.data ?? servers).length;
  }
  if (peer === 'jspteroapi') {
    const { Client } = require('jspteroapi');
    const servers = await new Client(url, key, undefined, true).getAllServers();
    return servers.length;
  }
  throw new Error(`unknown peer ${peer}`);
}

main().then(n => console.log(n), e => { console.error(e); process.exit(1); });
