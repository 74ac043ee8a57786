// The peer of the controleer benchmark: read every cell of a workbook with
// ExcelJS and do nothing else. Plain JavaScript so that it starts like the
// built CLI does (node + a CommonJS file).
const ExcelJS = require('exceljs');

async function main() {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(process.argv[2]);
  let cells = 0;
  workbook.eachSheet((sheet) => {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.value !== undefined) cells++;
      });
    });
  });
  process.stdout.write(`${cells}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
